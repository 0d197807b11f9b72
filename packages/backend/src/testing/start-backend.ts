import { spawn } from "node:child_process";
import { makeSocketDir } from "./temp-dir.ts";
import type { ChildProcessWithoutNullStreams } from "node:child_process";

export interface BackendExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A backend process with its output captured as it arrives. */
export interface BackendProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** stdout and stderr in the order they arrived: the JSON log lines, and whatever else it printed. */
  output: () => string;
  /** The complete lines of `output()`. */
  lines: () => string[];
  /** Settles once the process exited and all its output was read. */
  readonly exit: Promise<BackendExit>;
}

export interface SpawnBackendOptions {
  /**
   * A bundled backend (`.js`, `.mjs`, `.cjs`), run with plain `node`, or a TypeScript entry
   * (`.ts`, `.mts`, `.cts`), run with `node --conditions=@dext/source` (Node 24 strips the types).
   */
  entry: string;
  args?: readonly string[];
  /** Added to this process's environment. */
  env?: Readonly<Record<string, string>>;
  cwd?: string;
}

const typeScriptEntry = /\.[cm]?ts$/;

/** Starts `entry` and captures its output; does not wait for anything. */
export function spawnBackendProcess(options: SpawnBackendOptions): BackendProcess {
  const nodeArgs = typeScriptEntry.test(options.entry) ? ["--conditions=@dext/source"] : [];
  const child = spawn(process.execPath, [...nodeArgs, options.entry, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
  });
  let out = "";
  let err = "";
  let all = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    all += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
    all += chunk.toString();
  });
  const exit = new Promise<BackendExit>((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    output: () => all,
    lines: () => all.split("\n").slice(0, -1),
    exit,
  };
}

/**
 * - `backend_exited`: the process ended before it printed the ready text (`exitCode`, `output` say how).
 * - `backend_start_timeout`: it did not print it in time; it was killed.
 */
export type BackendStartErrorCode = "backend_exited" | "backend_start_timeout";

export class BackendStartError extends Error {
  override readonly name = "BackendStartError";
  readonly code: BackendStartErrorCode;
  readonly exitCode: number | null;
  /** Everything the process printed. */
  readonly output: string;

  constructor(code: BackendStartErrorCode, message: string, details: { exitCode: number | null; output: string }) {
    super(message);
    this.code = code;
    this.exitCode = details.exitCode;
    this.output = details.output;
  }
}

/** Resolves once the output holds `readyText`; rejects with a {@link BackendStartError} if it exits first or takes longer. */
export async function waitForOutput(backend: BackendProcess, readyText: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!backend.output().includes(readyText)) {
    if (backend.child.exitCode !== null || backend.child.signalCode !== null) {
      await backend.exit;
      throw new BackendStartError(
        "backend_exited",
        `the backend exited with code ${String(backend.child.exitCode)} before it listened`,
        { exitCode: backend.child.exitCode, output: backend.output() },
      );
    }
    if (Date.now() > deadline) {
      backend.child.kill("SIGKILL");
      await backend.exit;
      throw new BackendStartError(
        "backend_start_timeout",
        `the backend did not listen within ${String(timeoutMs / 1000)} s`,
        { exitCode: null, output: backend.output() },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface StartBackendOptions extends SpawnBackendOptions {
  /**
   * Passed as `--socket <path>` before `args`. Default: `backend.sock` in a new folder under /tmp
   * (short: a socket path may be at most 103 bytes), removed once the backend stopped.
   */
  socket?: string;
  /** The output that says it is ready. Default `"msg":"listening"`, the line `runBackend` logs. */
  readyText?: string;
  /** Default 30 s: a busy CI machine can take seconds to start a TypeScript entry. */
  startTimeoutMs?: number;
}

export interface RunningBackend extends BackendProcess {
  readonly socket: string;
  /**
   * Sends `signal` (default SIGTERM, as `docker stop`), then SIGKILL after `graceMs` (default
   * 10 s, Docker's own); resolves how it exited. Safe to call again, or after it exited.
   */
  stop: (options?: { signal?: NodeJS.Signals; graceMs?: number }) => Promise<BackendExit>;
}

/**
 * Starts a backend as Desktop starts the image's CMD: its own process, on a Unix socket, and
 * resolves once it listens. For tests and tools that need the real process (signals, exit codes,
 * a restart over the same socket).
 */
export async function startBackend(options: StartBackendOptions): Promise<RunningBackend> {
  const ownDir = options.socket === undefined ? await makeSocketDir() : undefined;
  const socket = options.socket ?? ownDir?.socket() ?? "";
  const backend = spawnBackendProcess({ ...options, args: ["--socket", socket, ...(options.args ?? [])] });
  const cleanUp = (): Promise<void> => ownDir?.remove() ?? Promise.resolve();
  void backend.exit.then(cleanUp);
  await waitForOutput(backend, options.readyText ?? '"msg":"listening"', options.startTimeoutMs ?? 30_000);

  const stop = async ({ signal = "SIGTERM", graceMs = 10_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {}) => {
    if (backend.child.exitCode === null && backend.child.signalCode === null) {
      backend.child.kill(signal);
      const timer = setTimeout(() => backend.child.kill("SIGKILL"), graceMs);
      await backend.exit;
      clearTimeout(timer);
    }
    const exit = await backend.exit;
    await cleanUp();
    return exit;
  };
  return { ...backend, socket, stop };
}
