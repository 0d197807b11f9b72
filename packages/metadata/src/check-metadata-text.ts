import { MetadataReadError } from "./errors.ts";
import { MAX_JSON_DEPTH } from "./input-limits.ts";
import { findingAt } from "./finding.ts";
import type { Finding, VerdictOptions } from "./finding.ts";
import { parseMetadataText } from "./read-extension-dir.ts";
import { validateMetadata } from "./validate-metadata.ts";

export interface MetadataTextCheck {
  /** The parsed value, or undefined when the text is not JSON. */
  metadata: unknown;
  findings: Finding[];
}

/** Parses and validates the text of a metadata.json; a syntax error is a finding at file:line:column. */
export function checkMetadataText(text: string, file: string, options: VerdictOptions = {}): MetadataTextCheck {
  let metadata: unknown;
  try {
    metadata = parseMetadataText(text, file);
  } catch (thrown) {
    const finding = invalidJsonFinding(thrown, file);
    if (finding === undefined) throw thrown;
    return { metadata: undefined, findings: [finding] };
  }
  return { metadata, findings: validateMetadata(metadata, options).findings };
}

/** The finding for a MetadataReadError `invalid_json` or `metadata_too_deep`, or undefined for anything else. */
export function invalidJsonFinding(thrown: unknown, file: string): Finding | undefined {
  if (!(thrown instanceof MetadataReadError) || thrown.position === undefined) return undefined;
  const { line, column } = thrown.position;
  if (thrown.code === "metadata_too_deep") {
    return findingAt(
      "error",
      { file, line, column },
      `metadata.json nests deeper than ${MAX_JSON_DEPTH} levels here, which no extension needs and dext does not walk`,
      "Remove the nesting; Desktop's format is six levels deep at most.",
    );
  }
  if (thrown.code !== "invalid_json") return undefined;
  const marker = `column ${column}: `;
  const reason = thrown.message.slice(thrown.message.indexOf(marker) + marker.length);
  return findingAt(
    "error",
    { file, line, column },
    `metadata.json is not valid JSON: ${reason}`,
    "Fix the JSON syntax at that line and column.",
  );
}
