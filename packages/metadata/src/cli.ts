import { labelsCommand } from "./cli-labels.ts";
import { migrateCommand } from "./cli-migrate.ts";
import { validateCommand } from "./cli-validate.ts";
import { EXIT } from "./cli-io.ts";
import type { CliIo } from "./cli-io.ts";
import { UsageError } from "./errors.ts";

export { EXIT } from "./cli-io.ts";
export type { CliIo, TextSink } from "./cli-io.ts";

export const USAGE = `Usage: dext <command> [options]

Commands:
  validate [dir]        Check an extension folder (default: the current folder): metadata.json,
                        the Dockerfile's labels, what it copies and how it builds, the compose file
  validate --image ref  Check the labels of a built image (needs Docker); with a dir, check both
  migrate [dir]         Convert a pre-2022 metadata.json (name, provider, desktop-plugin-version)
                        to today's format, with its labels
  labels [dir]          Print a LABEL block for the Dockerfile: existing values, then placeholders
  help                  Show this help

Options for validate:
  --json                Print one JSON report on stdout instead of text
  --context <dir>       The docker build context (default: found from the COPY sources)
  --dockerfile <file>   The Dockerfile (default: <dir>/Dockerfile)
  --build-arg N=value   An ARG value, as passed to docker build (repeatable)
  --platform os/arch    The platform to build for, as docker build --platform (default: this
                        machine's, linux/amd64 or linux/arm64); sets TARGETARCH and the others
  --image <ref>         Read the labels from this image (docker image inspect)
  --marketplace         Marketplace listing rules are errors too (they are warnings by default;
                        errors are what Docker Desktop refuses to install or run)
Options for migrate:
  --write               Replace metadata.json, keeping the original as metadata.json.bak

Exit codes: 0 valid (warnings allowed), 1 errors found, 2 could not run
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  migrate: migrateCommand,
  labels: labelsCommand,
};

/** Runs the dext CLI with `argv` (without node and the script) and resolves to its exit code. */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.stderr.write(USAGE);
      return EXIT.failed;
    }
    if (command === "help" || command === "--help" || command === "-h") {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run === undefined) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    return await run(rest, io);
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
