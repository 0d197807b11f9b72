import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ChildProcessWithoutNullStreams } from "node:child_process";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const entry = fileURLToPath(new URL("greeting-backend.ts", import.meta.url));

/** A greeting backend running as its own process, as Desktop runs a VM service. */
export interface BackendProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Settles once the process exited and all its output was read. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startBackendProcess(args: string[], env: Record<string, string> = {}): BackendProcess {
  const child = spawn(process.execPath, ["--conditions=@dext/source", entry, ...args], {
    cwd: packageDir,
    env: { ...process.env, ...env },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Resolves once the backend logged that it listens; rejects if it exits first or takes over 15 s. */
export async function waitForListening(backend: BackendProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!backend.stdout().includes('"msg":"listening"')) {
    if (backend.child.exitCode !== null) throw new Error(`backend exited early: ${backend.stderr()}`);
    if (Date.now() > deadline) throw new Error(`backend did not start: ${backend.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
