import { MetadataReadError } from "./errors.js";
import { findingAt } from "./finding.js";
import type { Finding } from "./finding.js";
import { parseMetadataText } from "./read-extension-dir.js";
import { validateMetadata } from "./validate-metadata.js";

export interface MetadataTextCheck {
  /** The parsed value, or undefined when the text is not JSON. */
  metadata: unknown;
  findings: Finding[];
}

/** Parses and validates the text of a metadata.json; a syntax error is a finding at file:line:column. */
export function checkMetadataText(text: string, file: string): MetadataTextCheck {
  let metadata: unknown;
  try {
    metadata = parseMetadataText(text, file);
  } catch (thrown) {
    const finding = invalidJsonFinding(thrown, file);
    if (finding === undefined) throw thrown;
    return { metadata: undefined, findings: [finding] };
  }
  return { metadata, findings: validateMetadata(metadata).findings };
}

/** The finding for a MetadataReadError `invalid_json`, or undefined for anything else. */
export function invalidJsonFinding(thrown: unknown, file: string): Finding | undefined {
  if (!(thrown instanceof MetadataReadError) || thrown.code !== "invalid_json" || thrown.position === undefined) return undefined;
  const { line, column } = thrown.position;
  const marker = `column ${column}: `;
  const reason = thrown.message.slice(thrown.message.indexOf(marker) + marker.length);
  return findingAt("error", { file, line, column }, `metadata.json is not valid JSON: ${reason}`, "Fix the JSON syntax at that line and column.");
}
