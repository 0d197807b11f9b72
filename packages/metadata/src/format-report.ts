import type { MetadataReadError } from "./errors.js";
import { countFindings } from "./finding.js";
import type { Finding } from "./finding.js";

/** `error $.vm.image: message (fix: …)` */
export function formatFinding(finding: Finding): string {
  const fix = finding.fix === undefined ? "" : ` (fix: ${finding.fix})`;
  return `${finding.severity} ${finding.path}: ${finding.message}${fix}`;
}

export function formatSummary(file: string, findings: readonly Finding[]): string {
  const { errors, warnings } = countFindings(findings);
  if (findings.length === 0) return `${file}: valid, no findings`;
  const counts = [plural(errors, "error"), plural(warnings, "warning")].filter((part) => !part.startsWith("0 "));
  return `${file}: ${errors === 0 ? "valid" : "invalid"}, ${counts.join(", ")}`;
}

export function formatTextReport(file: string, findings: readonly Finding[]): string {
  return [...findings.map(formatFinding), formatSummary(file, findings)].join("\n") + "\n";
}

/** The `--json` document; stdout holds exactly one, whatever happened. */
export function formatJsonReport(file: string, findings: readonly Finding[]): string {
  const { errors, warnings } = countFindings(findings);
  return JSON.stringify({ file, valid: errors === 0, errors, warnings, findings }, null, 2) + "\n";
}

export function formatJsonFailure(file: string, failure: MetadataReadError): string {
  const { code, message, position } = failure;
  const where = position === undefined ? {} : { line: position.line, column: position.column };
  return JSON.stringify({ file, valid: false, error: { code, message, ...where } }, null, 2) + "\n";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
