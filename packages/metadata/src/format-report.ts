import { countFindings } from "./finding.ts";
import type { Finding, VerdictOptions } from "./finding.ts";

/**
 * `error [desktop] $.vm.image: message (fix: …)` or
 * `warning [marketplace] samples/x/Dockerfile:23: message (fix: …)`: the tag says whose rule it is.
 */
export function formatFinding(finding: Finding): string {
  const fix = finding.fix === undefined ? "" : ` (fix: ${finding.fix})`;
  return `${finding.severity} [${finding.scope}] ${finding.path}: ${finding.message}${fix}`;
}

/**
 * `samples/x: valid for Docker Desktop, 1 warning (metadata.json, Dockerfile)`; `checked` names
 * what was read. Without `marketplace`, it says how many warnings are Marketplace rules.
 */
function formatSummary(
  subject: string,
  findings: readonly Finding[],
  checked: readonly string[] = [],
  verdict: VerdictOptions = {},
): string {
  const { errors, warnings } = countFindings(findings);
  const what = checked.length === 0 ? "" : ` (${checked.join(", ")})`;
  const audience = verdict.marketplace === true ? "for Docker Desktop and the Marketplace" : "for Docker Desktop";
  const state = `${errors === 0 ? "valid" : "invalid"} ${audience}`;
  if (findings.length === 0) return `${subject}: ${state}, no findings${what}`;
  const counts = [plural(errors, "error"), plural(warnings, "warning")].filter((part) => !part.startsWith("0 "));
  const listed =
    verdict.marketplace === true ? 0 : findings.filter((finding) => finding.scope === "marketplace").length;
  const hint =
    listed === 0
      ? ""
      : `; ${listed} ${listed === 1 ? "is a Marketplace rule" : "are Marketplace rules"} (errors with --marketplace)`;
  return `${subject}: ${state}, ${counts.join(", ")}${what}${hint}`;
}

export function formatTextReport(
  subject: string,
  findings: readonly Finding[],
  checked: readonly string[] = [],
  verdict: VerdictOptions = {},
): string {
  return [...findings.map(formatFinding), formatSummary(subject, findings, checked, verdict)].join("\n") + "\n";
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
