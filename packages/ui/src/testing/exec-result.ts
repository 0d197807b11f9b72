import type { v1 } from "@docker/extension-api-client-types";

/**
 * An `ExecResult` as Docker Desktop resolves it. `code` is left unset unless given, because
 * Desktop has been reported never to set it on success; UI code should not rely on it.
 */
export function execResult(stdout: string, stderr = "", code?: number): v1.ExecResult {
  return {
    stdout,
    stderr,
    ...(code === undefined ? {} : { code }),
    ...parsers(stdout),
  };
}

/**
 * How Docker Desktop fails a buffered exec that exits non-zero: the promise rejects with an
 * object that still carries `stdout`, `stderr` and `code`. It is an Error so that a fake's
 * handler can `throw` it; streamed, the fake turns it into output and `onClose(code)`.
 */
export class ExecFailure extends Error implements v1.ExecResult {
  override readonly name = "ExecFailure";
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
  readonly lines: () => string[];
  readonly parseJsonLines: () => unknown[];
  readonly parseJsonObject: () => unknown;

  constructor(stdout: string, stderr: string, code: number) {
    super(`Command exited with code ${code}${stderr === "" ? "" : `: ${stderr.trim()}`}`);
    this.stdout = stdout;
    this.stderr = stderr;
    this.code = code;
    const parsed = parsers(stdout);
    this.lines = parsed.lines;
    this.parseJsonLines = parsed.parseJsonLines;
    this.parseJsonObject = parsed.parseJsonObject;
  }
}

/** A failed exec for a fake's handler to throw, e.g. `throw execFailure("", "no such file", 127)`. */
export function execFailure(stdout: string, stderr = "", code = 1): ExecFailure {
  return new ExecFailure(stdout, stderr, code);
}

/** Output split into lines, without the empty line a trailing newline would leave. */
export function outputLines(output: string): string[] {
  return output.split(/\r?\n/).filter((line) => line !== "");
}

function parsers(stdout: string): Pick<v1.ExecResult, "lines"> & {
  parseJsonLines: () => unknown[];
  parseJsonObject: () => unknown;
} {
  return {
    lines: () => outputLines(stdout),
    parseJsonLines: () => outputLines(stdout).map((line): unknown => JSON.parse(line)),
    parseJsonObject: (): unknown => JSON.parse(stdout),
  };
}
