import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { folderArgument, usageErrors } from "./cli-args.ts";
import { EXIT } from "./cli-io.ts";
import type { CliIo } from "./cli-io.ts";
import { InputError, MetadataReadError, MigrateError } from "./errors.ts";
import { existingLabels } from "./existing-labels.ts";
import { hasErrors } from "./finding.ts";
import { formatFinding } from "./format-report.ts";
import { formatLabelBlock, suggestLabels } from "./label-block.ts";
import { migrateLegacyMetadata } from "./migrate-legacy.ts";
import { readExtensionSource } from "./read-extension-dir.ts";
import type { RegularFile } from "./read-regular-file.ts";
import { replaceFile, writeNewFile } from "./replace-file.ts";
import { validateMetadata } from "./validate-metadata.ts";

const OPTIONS = { write: { type: "boolean" } } as const;

/** `dext migrate [dir] [--write]`: 2021 plugin metadata to today's metadata.json plus labels. */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = usageErrors("migrate", () =>
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }),
  );
  const dir = folderArgument("migrate", positionals);
  try {
    const { metadata, metadataPath, file } = await readExtensionSource(dir);
    const migration = migrateLegacyMetadata(metadata);
    const text = `${JSON.stringify(migration.metadata, null, 2)}\n`;
    const labels = suggestLabels({
      existing: await existingLabels(dir),
      metadata: migration.metadata,
      values: migration.labels,
    });
    const notes = migration.notes.map((note) => `# ${note}\n`).join("");

    if (values.write === true) {
      const backup = `${metadataPath}.bak`;
      await writeMigration(metadataPath, backup, file, text);
      io.stdout.write(`# Wrote ${metadataPath} in today's format; the original is in ${backup}.\n`);
    } else {
      io.stdout.write(
        `# ${metadataPath} in today's format (name, provider and desktop-plugin-version removed):\n${text}\n`,
      );
    }
    io.stdout.write(
      `# Labels for the final stage of the Dockerfile (name and provider move here):\n${notes}${formatLabelBlock(labels)}`,
    );

    const { findings } = validateMetadata(migration.metadata);
    if (findings.length > 0)
      io.stdout.write(
        `# Still to fix in metadata.json:\n${findings.map((finding) => `# ${formatFinding(finding)}\n`).join("")}`,
      );
    return hasErrors(findings) ? EXIT.findings : EXIT.ok;
  } catch (thrown) {
    if (!(thrown instanceof MetadataReadError || thrown instanceof MigrateError || thrown instanceof InputError))
      throw thrown;
    io.stderr.write(`dext: ${thrown.message}\n`);
    return EXIT.failed;
  }
}

/**
 * The new file is written in full before anything else changes; the backup holds the very bytes
 * that were parsed (not a second read of a path that may have changed); the rename comes last.
 * On any failure the original is untouched and nothing of this run is left behind.
 */
async function writeMigration(
  metadataPath: string,
  backup: string,
  original: RegularFile,
  text: string,
): Promise<void> {
  const written = { backup: false };
  try {
    await replaceFile(metadataPath, text, original.mode, async () => {
      try {
        await writeNewFile(backup, original.bytes, original.mode);
      } catch (cause) {
        if (errorCode(cause) !== "EEXIST") throw cause;
        throw new MigrateError(
          "backup_exists",
          `${backup} already exists; move it away first, so that no earlier original is lost`,
        );
      }
      written.backup = true;
    });
  } catch (cause) {
    if (written.backup) await rm(backup, { force: true });
    if (cause instanceof MigrateError) throw cause;
    throw new MigrateError(
      "write_failed",
      `Could not write ${metadataPath} (${cause instanceof Error ? cause.message : String(cause)}); it is unchanged`,
    );
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && "code" in error ? error.code : undefined;
}
