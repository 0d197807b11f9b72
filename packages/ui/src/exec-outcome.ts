import type { v1 } from "@docker/extension-api-client-types";
import { desktopArguments } from "@dext/desktop-facts";
import { splitLines } from "./output-lines.ts";
import type { OutputLine } from "./output-lines.ts";

/** A finished buffered command, the same whichever way the host reported it. */
export interface ExecOutcome {
  readonly stdout: string;
  readonly stderr: string;
  /** 0 when the host resolved without a code: Desktop has been reported never to set it on success. */
  readonly exitCode: number;
  /** `exitCode === 0` and not killed by a signal. */
  readonly ok: boolean;
  readonly signal: string | undefined;
  /** stdout's lines, then stderr's: a buffered result does not keep their interleaving. */
  readonly lines: readonly OutputLine[];
}

/**
 * Runs a buffered command and returns its outcome whatever its exit code. Desktop rejects a
 * non-zero exit with an object that still carries `stdout`, `stderr` and `code`; other hosts
 * resolve with `code` set. Both become an outcome with `ok: false`. Only a failure to run at all
 * (no such exec, a host error without output) rejects. `cmd` goes as written (Desktop splits it:
 * "network ls" is two words); each of `args` arrives as one argument, quoted for Desktop.
 */
export async function runExec(
  exec: v1.Exec,
  cmd: string,
  args: readonly string[],
  options?: v1.ExecOptions,
): Promise<ExecOutcome> {
  try {
    // Each element one argument, as the caller meant it (see quoteForDesktop); no options
    // argument unless given.
    const quoted = desktopArguments(args);
    const result = await (options === undefined ? exec(cmd, quoted) : exec(cmd, quoted, options));
    return toExecOutcome(result, result.code ?? 0);
  } catch (reason) {
    if (!isRawExecResult(reason)) throw reason;
    // A rejection without a code still means the command failed.
    return toExecOutcome(reason, typeof reason.code === "number" && reason.code !== 0 ? reason.code : 1);
  }
}

function toExecOutcome(result: v1.RawExecResult, exitCode: number): ExecOutcome {
  const signal = typeof result.signal === "string" && result.signal !== "" ? result.signal : undefined;
  let id = 0;
  const lines: OutputLine[] = [
    ...splitLines(result.stdout).map((text) => ({ id: id++, stream: "stdout" as const, text })),
    ...splitLines(result.stderr).map((text) => ({ id: id++, stream: "stderr" as const, text })),
  ];
  return {
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode,
    ok: exitCode === 0 && signal === undefined && result.killed !== true,
    signal,
    lines,
  };
}

function isRawExecResult(value: unknown): value is v1.RawExecResult {
  if (typeof value !== "object" || value === null) return false;
  const { stdout, stderr } = value as { stdout?: unknown; stderr?: unknown };
  return typeof stdout === "string" && typeof stderr === "string";
}

/** Anything a host rejects or reports with, as an Error with a readable message. */
export function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  if (typeof reason === "object" && reason !== null) {
    const { message } = reason as { message?: unknown };
    const text = typeof message === "string" && message !== "" ? message : JSON.stringify(reason);
    return new Error(text, { cause: reason });
  }
  return new Error(String(reason), { cause: reason });
}
