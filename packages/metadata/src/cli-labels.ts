import { parseArgs } from "node:util";
import { folderArgument, usageErrors } from "./cli-args.ts";
import { EXIT } from "./cli-io.ts";
import type { CliIo } from "./cli-io.ts";
import { InputError, MetadataReadError } from "./errors.ts";
import { existingLabels } from "./existing-labels.ts";
import { formatLabelBlock, suggestLabels } from "./label-block.ts";
import { readExtensionDir } from "./read-extension-dir.ts";

const OPTIONS = { dockerfile: { type: "string" } } as const;

/** `dext labels [dir]`: a LABEL block with the Dockerfile's values, metadata's hints and placeholders. */
export async function labelsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = usageErrors("labels", () =>
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }),
  );
  const dir = folderArgument("labels", positionals);
  let metadata: unknown;
  try {
    ({ metadata } = await readExtensionDir(dir));
  } catch (thrown) {
    if (!(thrown instanceof MetadataReadError)) throw thrown;
    // Without a usable metadata.json the block is all placeholders, which still helps; without the folder it cannot.
    if (thrown.code === "dir_not_found" || thrown.code === "not_a_directory") {
      io.stderr.write(`dext: ${thrown.message}\n`);
      return EXIT.failed;
    }
  }
  let existing;
  try {
    existing = await existingLabels(dir, values.dockerfile);
  } catch (thrown) {
    // A Dockerfile that is a FIFO, a device or over its cap: say so rather than guess its labels.
    if (!(thrown instanceof InputError)) throw thrown;
    io.stderr.write(`dext: ${thrown.message}\n`);
    return EXIT.failed;
  }
  io.stdout.write(`# Paste into the final stage of the Dockerfile; replace every <fill in: …>.\n`);
  io.stdout.write(formatLabelBlock(suggestLabels({ existing, metadata })));
  return EXIT.ok;
}
