import type { ExtensionMetadata } from "./types.js";

export type Severity = "error" | "warning";

/** One problem in a metadata.json, located by a JSON path such as `$.vm.exposes.socket`. */
export interface Finding {
  severity: Severity;
  path: string;
  message: string;
  fix?: string;
}

/** `valid` means no errors; warnings may remain, and `metadata` is then the checked value. */
export type ValidationResult =
  | { valid: true; metadata: ExtensionMetadata; findings: Finding[] }
  | { valid: false; findings: Finding[] };

export function error(path: string, message: string, fix?: string): Finding {
  return fix === undefined ? { severity: "error", path, message } : { severity: "error", path, message, fix };
}

export function warning(path: string, message: string, fix?: string): Finding {
  return fix === undefined ? { severity: "warning", path, message } : { severity: "warning", path, message, fix };
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}
