import { listing, warning } from "./finding.ts";
import type { Finding, Severity } from "./finding.ts";
import { childPath } from "./json-path.ts";

export interface KeyRules {
  /** Where the keys live, for messages: "the root", "vm". */
  where: string;
  allowed: readonly string[];
  /**
   * `warning` where Desktop ignores unknown keys; `marketplace` where Desktop ignores them but
   * `docker extension validate` (the Marketplace's check) refuses them: the root, whose schema
   * has additionalProperties false.
   */
  severity: Extract<Severity, "warning"> | "marketplace";
  /** Fix text for unknown keys people are known to write, by lower-case key. */
  hints?: Readonly<Record<string, string>>;
  /** Keys another finding already explains. */
  skip?: readonly string[];
}

/** One finding per key of `object` that `rules` do not allow, located at that key. */
export function unknownKeyFindings(object: Record<string, unknown>, path: string, rules: KeyRules): Finding[] {
  const allowedList = rules.allowed.join(", ");
  const consequence =
    rules.severity === "marketplace"
      ? "Docker Desktop ignores it, but docker extension validate and the Marketplace refuse it"
      : "Docker Desktop ignores it";
  const findings: Finding[] = [];
  for (const key of Object.keys(object)) {
    if (rules.allowed.includes(key) || rules.skip?.includes(key)) continue;
    const message = `Unknown key "${key}" in ${rules.where}: ${consequence} (allowed: ${allowedList})`;
    const finding = warning(childPath(path, key), message, fixFor(key, rules));
    findings.push(rules.severity === "marketplace" ? listing(finding) : finding);
  }
  return findings;
}

function fixFor(key: string, rules: KeyRules): string {
  const lower = key.toLowerCase();
  // hasOwn, so a key such as "constructor" cannot pick up Object.prototype members.
  const hint = rules.hints && Object.hasOwn(rules.hints, lower) ? rules.hints[lower] : undefined;
  if (hint !== undefined) return hint;
  const sameButCase = rules.allowed.find((allowed) => allowed.toLowerCase() === lower);
  if (sameButCase !== undefined) return `Rename "${key}" to "${sameButCase}"; keys are case-sensitive.`;
  return `Remove "${key}".`;
}
