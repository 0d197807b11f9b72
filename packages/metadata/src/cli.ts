import { join } from "node:path";
import { parseArgs } from "node:util";
import { MetadataReadError, UsageError } from "./errors.js";
import { formatJsonFailure, formatJsonReport, formatTextReport } from "./format-report.js";
import { readExtensionDir } from "./read-extension-dir.js";
import { validateMetadata } from "./validate-metadata.js";

/** Anything with a `write(text)`, such as process.stdout or a test's capture. */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
}

/** 0: no errors (warnings allowed); 1: errors found; 2: could not run. */
export const EXIT = { ok: 0, findings: 1, failed: 2 } as const;

export const USAGE = `Usage: dext <command> [options]

Commands:
  validate [dir]   Check <dir>/metadata.json (default: the current folder)
  help             Show this help

Options for validate:
  --json           Print one JSON report on stdout instead of text

Exit codes: 0 valid (warnings allowed), 1 errors found, 2 could not run
`;

/** Runs the dext CLI with `argv` (without node and the script) and resolves to its exit code. */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === "validate") return await validate(rest, io);
    if (command === undefined) {
      io.stderr.write(USAGE);
      return EXIT.failed;
    }
    if (command === "help" || command === "--help" || command === "-h") {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (thrown) {
    if (thrown instanceof UsageError) {
      io.stderr.write(`dext: ${thrown.message}\n\n${USAGE}`);
    } else {
      const detail = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
      io.stderr.write(`dext: unexpected failure: ${detail}\n`);
    }
    return EXIT.failed;
  }
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const { dir, json, help } = parseValidateArgs(args);
  if (help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }

  const file = join(dir, "metadata.json");
  let metadata: unknown;
  try {
    ({ metadata } = await readExtensionDir(dir));
  } catch (thrown) {
    if (!(thrown instanceof MetadataReadError)) throw thrown;
    if (json) io.stdout.write(formatJsonFailure(file, thrown));
    else io.stderr.write(`dext: ${thrown.message}\n`);
    return EXIT.failed;
  }

  const { valid, findings } = validateMetadata(metadata);
  io.stdout.write(json ? formatJsonReport(file, findings) : formatTextReport(file, findings));
  return valid ? EXIT.ok : EXIT.findings;
}

function parseValidateArgs(args: string[]): { dir: string; json: boolean; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (cause) {
    throw new UsageError(`validate: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  const { positionals, values } = parsed;
  if (positionals.length > 1) {
    throw new UsageError(`validate takes one folder, got ${positionals.length}: ${positionals.join(" ")}`);
  }
  return { dir: positionals[0] ?? ".", json: values.json === true, help: values.help === true };
}
