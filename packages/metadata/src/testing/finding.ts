import { expect } from "vitest";
import type { Finding, Scope, Severity } from "../finding.ts";
import { validateMetadata } from "../validate-metadata.ts";

export interface ExpectedFinding {
  severity: Severity;
  path?: string;
  /** A pattern, or a text the message must contain. */
  message?: RegExp | string;
  fix?: RegExp | string;
  /**
   * "marketplace": `severity` is the `--marketplace` verdict's, and the default verdict must give
   * the same finding as a warning. Default "desktop".
   */
  scope?: Scope;
}

/** Validates `value`, asserts it yields exactly one finding matching `expected`, and returns it. */
export function expectOnlyFinding(value: unknown, expected: ExpectedFinding): Finding {
  const scope = expected.scope ?? "desktop";
  if (scope === "marketplace") {
    const desktop = validateMetadata(value).findings;
    expect(desktop.map((finding) => [finding.severity, finding.scope])).toEqual([["warning", "marketplace"]]);
  }
  const { findings } = validateMetadata(value, { marketplace: scope === "marketplace" });
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  if (finding === undefined) throw new Error("unreachable: length checked above");
  expect(finding.severity).toBe(expected.severity);
  expect(finding.scope).toBe(scope);
  if (expected.path !== undefined) expect(finding.path).toBe(expected.path);
  if (expected.message !== undefined) expect(finding.message).toMatch(expected.message);
  if (expected.fix !== undefined) expect(finding.fix).toMatch(expected.fix);
  return finding;
}
