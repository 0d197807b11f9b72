import { LABELS } from "./extension-labels.ts";
import { MigrateError } from "./errors.ts";
import { isRecord } from "./json-value.ts";
import { DEFAULT_API_RANGE } from "./label-block.ts";
import { LEGACY_KEYS } from "./legacy-format.ts";

export interface Migration {
  /** metadata.json in today's format: the legacy keys removed, everything else kept in order. */
  metadata: Record<string, unknown>;
  /** Label values the legacy keys imply, by label name. */
  labels: Record<string, string>;
  /** What the reader should know about the conversion. */
  notes: string[];
}

/**
 * Converts metadata with the keys of the format before February 2022 (name, provider,
 * desktop-plugin-version; any of them) to today's format; the name and provider move to image labels.
 * @throws {MigrateError} `already_modern` when there is nothing to migrate, `not_an_object` for other JSON
 */
export function migrateLegacyMetadata(value: unknown): Migration {
  if (!isRecord(value))
    throw new MigrateError(
      "not_an_object",
      "metadata.json does not hold a JSON object, so there is nothing to migrate",
    );
  if (!LEGACY_KEYS.some((key) => Object.hasOwn(value, key))) {
    throw new MigrateError(
      "already_modern",
      "metadata.json is already in today's format (no desktop-plugin-version, name or provider); dext validate checks it",
    );
  }
  const metadata = Object.fromEntries(
    Object.entries(value).filter(([key]) => !(LEGACY_KEYS as readonly string[]).includes(key)),
  );
  const labels: Record<string, string> = {};
  const notes: string[] = [];
  if (typeof value.name === "string" && value.name.trim() !== "") labels[LABELS.title] = value.name;
  if (typeof value.provider === "string" && value.provider.trim() !== "") labels[LABELS.vendor] = value.provider;
  labels[LABELS.apiVersion] = DEFAULT_API_RANGE;
  const version = value["desktop-plugin-version"];
  notes.push(
    Object.hasOwn(value, "desktop-plugin-version")
      ? `desktop-plugin-version ${typeof version === "string" ? `"${version}" ` : ""}numbered the API before February 2022 (1.0.0-beta.1 in Docker's documents then); today's extension API is 0.x, so ${LABELS.apiVersion} is set to "${DEFAULT_API_RANGE}" (docker extension version shows yours).`
      : `${LABELS.apiVersion} is set to "${DEFAULT_API_RANGE}"; keep the value your image already has, if it has one (docker extension version shows your Desktop's API version).`,
  );
  const title = labels[LABELS.title];
  if (title !== undefined && /extension|plugin/i.test(title)) {
    notes.push(`The title "${title}" mentions "extension" or "plugin"; the Marketplace refuses "extension" in titles.`);
  }
  return { metadata, labels, notes };
}
