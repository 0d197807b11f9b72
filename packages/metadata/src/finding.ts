import type { ExtensionMetadata } from "./types.js";

export type Severity = "error" | "warning";

/**
 * One problem, located by `path`: a JSON path such as `$.vm.exposes.socket` (into the
 * metadata.json, or into `docker image inspect` output for an image), or `file:line`
 * (`samples/x/Dockerfile:23`) for the Dockerfile and the compose file, which then also
 * fill `file` and `line`.
 */
export interface Finding {
  severity: Severity;
  path: string;
  message: string;
  fix?: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based, when known. */
  column?: number;
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

/** A place in a text file; `line` and `column` count from 1. */
export interface FileLocation {
  file: string;
  line: number;
  column?: number;
}

/** A finding located at `file:line` (or `file:line:column`). */
export function findingAt(severity: Severity, at: FileLocation, message: string, fix: string): Finding {
  const column = at.column === undefined ? "" : `:${at.column}`;
  const finding: Finding = { severity, path: `${at.file}:${at.line}${column}`, message, fix, file: at.file, line: at.line };
  if (at.column !== undefined) finding.column = at.column;
  return finding;
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === "error");
}
