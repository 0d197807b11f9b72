import type { ExtensionMetadata } from "./types.ts";

export type Severity = "error" | "warning";

/**
 * Whose rule a finding is. `desktop`: what Docker Desktop does when it installs or runs the
 * extension (an error is something it refuses or that breaks). `marketplace`: a listing rule of
 * the Marketplace and `docker extension validate`, which Desktop itself does not apply; such a
 * finding is a warning, and an error only under `--marketplace` (see `applyVerdict`).
 */
export type Scope = "desktop" | "marketplace";

/** Which verdict to give: Desktop's alone (default), or the Marketplace's as well. */
export interface VerdictOptions {
  /** Marketplace listing rules are errors, as for a release; default false (they are warnings). */
  marketplace?: boolean;
}

/**
 * One problem, located by `path`: a JSON path such as `$.vm.exposes.socket` (into the
 * metadata.json, or into `docker image inspect` output for an image), or `file:line`
 * (`samples/x/Dockerfile:23`) for the Dockerfile and the compose file, which then also
 * fill `file` and `line`.
 */
export interface Finding {
  severity: Severity;
  scope: Scope;
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
  { valid: true; metadata: ExtensionMetadata; findings: Finding[] } | { valid: false; findings: Finding[] };

export function error(path: string, message: string, fix?: string): Finding {
  return fix === undefined
    ? { severity: "error", scope: "desktop", path, message }
    : { severity: "error", scope: "desktop", path, message, fix };
}

export function warning(path: string, message: string, fix?: string): Finding {
  return fix === undefined
    ? { severity: "warning", scope: "desktop", path, message }
    : { severity: "warning", scope: "desktop", path, message, fix };
}

/**
 * A Marketplace listing rule broken: an error under `--marketplace`, a warning otherwise.
 * Rules create it as an error; `applyVerdict` gives it the severity of the chosen verdict.
 */
export function listing(finding: Finding): Finding {
  return { ...finding, severity: "error", scope: "marketplace" };
}

/**
 * Gives every Marketplace finding the severity of the chosen verdict (error with
 * `marketplace`, warning without); Desktop findings keep theirs. Idempotent, so an entry
 * point may apply it to findings another entry point already settled.
 */
export function applyVerdict(findings: readonly Finding[], options: VerdictOptions = {}): Finding[] {
  const severity: Severity = options.marketplace === true ? "error" : "warning";
  return findings.map((finding) =>
    finding.scope === "marketplace" && finding.severity !== severity ? { ...finding, severity } : finding,
  );
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
  const finding: Finding = {
    severity,
    scope: "desktop",
    path: `${at.file}:${at.line}${column}`,
    message,
    fix,
    file: at.file,
    line: at.line,
  };
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
