import { countFindings } from "./finding.js";
import type { Finding } from "./finding.js";

/** `error $.vm.image: message (fix: …)` or `warning samples/x/Dockerfile:23: message (fix: …)` */
export function formatFinding(finding: Finding): string {
  const fix = finding.fix === undefined ? "" : ` (fix: ${finding.fix})`;
  return `${finding.severity} ${finding.path}: ${finding.message}${fix}`;
}

/** `samples/x: valid, 1 warning (metadata.json, Dockerfile)`; `checked` names what was read. */
export function formatSummary(subject: string, findings: readonly Finding[], checked: readonly string[] = []): string {
  const { errors, warnings } = countFindings(findings);
  const what = checked.length === 0 ? "" : ` (${checked.join(", ")})`;
  if (findings.length === 0) return `${subject}: valid, no findings${what}`;
  const counts = [plural(errors, "error"), plural(warnings, "warning")].filter((part) => !part.startsWith("0 "));
  return `${subject}: ${errors === 0 ? "valid" : "invalid"}, ${counts.join(", ")}${what}`;
}

export function formatTextReport(subject: string, findings: readonly Finding[], checked: readonly string[] = []): string {
  return [...findings.map(formatFinding), formatSummary(subject, findings, checked)].join("\n") + "\n";
}

/** The `--json` document; stdout holds exactly one, whatever happened. `about` says what was checked. */
export function formatJsonReport(about: Readonly<Record<string, string>>, findings: readonly Finding[]): string {
  const { errors, warnings } = countFindings(findings);
  return JSON.stringify({ ...about, valid: errors === 0, errors, warnings, findings }, null, 2) + "\n";
}

/** Why nothing could be checked: a missing folder, Dockerfile or engine. */
export interface RunFailure {
  code: string;
  message: string;
  position?: { line: number; column: number } | undefined;
}

export function formatJsonFailure(about: Readonly<Record<string, string>>, failure: RunFailure): string {
  const { code, message, position } = failure;
  const where = position === undefined ? {} : { line: position.line, column: position.column };
  return JSON.stringify({ ...about, valid: false, error: { code, message, ...where } }, null, 2) + "\n";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
