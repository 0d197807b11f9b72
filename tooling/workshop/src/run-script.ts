import { spawn } from "node:child_process";

export interface ScriptRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the start to the first stdout byte, and to the exit. */
  firstOutputMs: number | undefined;
  exitMs: number;
}

/** Runs a script directly (no shell), as Desktop's exec does, timing its first output. */
export function runScript(file: string, args: string[], cwd: string, timeoutMs = 15_000): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(file, args, { cwd });
    let stdout = "";
    let stderr = "";
    let firstOutputMs: number | undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      firstOutputMs ??= Date.now() - started;
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr, firstOutputMs, exitMs: Date.now() - started });
    });
  });
}
