import { constants } from "node:fs";
import { copyFile, rename, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { folderArgument, usageErrors } from "./cli-args.js";
import { EXIT } from "./cli-io.js";
import type { CliIo } from "./cli-io.js";
import { MetadataReadError, MigrateError } from "./errors.js";
import { existingLabels } from "./existing-labels.js";
import { hasErrors } from "./finding.js";
import { formatFinding } from "./format-report.js";
import { formatLabelBlock, suggestLabels } from "./label-block.js";
import { migrateLegacyMetadata } from "./migrate-legacy.js";
import { readExtensionDir } from "./read-extension-dir.js";
import { validateMetadata } from "./validate-metadata.js";

const OPTIONS = { write: { type: "boolean" } } as const;

/** `dext migrate [dir] [--write]`: 2021 plugin metadata to today's metadata.json plus labels. */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = usageErrors("migrate", () => parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }));
  const dir = folderArgument("migrate", positionals);
  try {
    const { metadata, metadataPath } = await readExtensionDir(dir);
    const migration = migrateLegacyMetadata(metadata);
    const text = `${JSON.stringify(migration.metadata, null, 2)}\n`;
    const labels = suggestLabels({ existing: await existingLabels(dir), metadata: migration.metadata, values: migration.labels });
    const notes = migration.notes.map((note) => `# ${note}\n`).join("");

    if (values.write === true) {
      const backup = `${metadataPath}.bak`;
      await keepBackup(metadataPath, backup);
      // Write beside, then rename: an interrupted write never leaves a half file.
      const temporary = `${metadataPath}.dext-migrate`;
      await writeFile(temporary, text);
      await rename(temporary, metadataPath);
      io.stdout.write(`# Wrote ${metadataPath} in today's format; the original is in ${backup}.\n`);
    } else {
      io.stdout.write(`# ${metadataPath} in today's format (name, provider and desktop-plugin-version removed):\n${text}\n`);
    }
    io.stdout.write(`# Labels for the final stage of the Dockerfile (name and provider move here):\n${notes}${formatLabelBlock(labels)}`);

    const { findings } = validateMetadata(migration.metadata);
    if (findings.length > 0) io.stdout.write(`# Still to fix in metadata.json:\n${findings.map((finding) => `# ${formatFinding(finding)}\n`).join("")}`);
    return hasErrors(findings) ? EXIT.findings : EXIT.ok;
  } catch (thrown) {
    if (!(thrown instanceof MetadataReadError || thrown instanceof MigrateError)) throw thrown;
    io.stderr.write(`dext: ${thrown.message}\n`);
    return EXIT.failed;
  }
}

async function keepBackup(file: string, backup: string): Promise<void> {
  try {
    await copyFile(file, backup, constants.COPYFILE_EXCL);
  } catch (cause) {
    if (cause instanceof Error && "code" in cause && cause.code === "EEXIST") {
      throw new MigrateError("backup_exists", `${backup} already exists; move it away first, so that no earlier original is lost`);
    }
    throw cause;
  }
}
