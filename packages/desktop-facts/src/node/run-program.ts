import { execFile } from "node:child_process";
import { dockerCliPath } from "./docker-client.ts";

export interface ProgramOutput {
  stdout: string;
  stderr: string;
}

export interface RunProgramOptions {
  /** Killed after this long (default 60 s). */
  timeoutMs?: number;
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** A program that could not be started (`program_missing`) or did not exit 0 (`program_failed`). */
export class ProgramError extends Error {
  override readonly name = "ProgramError";
  readonly code: "program_missing" | "program_failed";
  /** The exit code, or the signal that ended it; undefined when it never started. */
  readonly exit: number | string | undefined;
  readonly stdout: string;
  readonly stderr: string;

  constructor(
    code: ProgramError["code"],
    message: string,
    details: { exit: number | string | undefined; stdout: string; stderr: string; cause: unknown },
  ) {
    super(message, { cause: details.cause });
    this.code = code;
    this.exit = details.exit;
    this.stdout = details.stdout;
    this.stderr = details.stderr;
  }
}

/** How many lines of its output a failure message keeps: the end, where the error is. */
const tailLines = 40;

/**
 * Runs a program with its arguments as they are (no shell) and resolves its output; rejects with a
 * ProgramError that names the command and ends with the last lines of its output.
 */
export function runProgram(
  file: string,
  args: readonly string[],
  options: RunProgramOptions = {},
): Promise<ProgramOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        encoding: "utf8",
        env: { ...process.env, ...options.env },
        cwd: options.cwd,
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 60_000,
      },
      (failure, stdout, stderr) => {
        if (failure === null) {
          resolve({ stdout, stderr });
          return;
        }
        const command = [file, ...args].join(" ");
        if (failure.code === "ENOENT") {
          reject(
            new ProgramError("program_missing", `${file} is not installed or not on PATH (${command})`, {
              exit: undefined,
              stdout,
              stderr,
              cause: failure,
            }),
          );
          return;
        }
        const exit = typeof failure.code === "number" ? failure.code : (failure.signal ?? undefined);
        const output = `${stderr}${stdout}`.trim().split("\n").slice(-tailLines).join("\n");
        reject(
          new ProgramError("program_failed", `${command} failed (exit ${String(exit)}):\n${output}`, {
            exit,
            stdout,
            stderr,
            cause: failure,
          }),
        );
      },
    );
  });
}

/** Runs the docker client (`dockerCliPath()`) with BuildKit on, as `runProgram` runs any program. */
export function runDocker(args: readonly string[], options: RunProgramOptions = {}): Promise<ProgramOutput> {
  return runProgram(dockerCliPath(), args, { ...options, env: { DOCKER_BUILDKIT: "1", ...options.env } });
}

/** The engine's version, or undefined when no engine answers where the docker client looks (DOCKER_HOST). */
export function engineVersion(timeoutMs = 15_000): Promise<string | undefined> {
  return runDocker(["info", "--format", "{{.ServerVersion}}"], { timeoutMs }).then(
    ({ stdout }) => stdout.trim() || undefined,
    () => undefined,
  );
}
