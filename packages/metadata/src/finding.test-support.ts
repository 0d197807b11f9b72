import { expect } from "vitest";
import type { Finding, Severity } from "./finding.js";
import { validateMetadata } from "./validate-metadata.js";

export interface ExpectedFinding {
  severity: Severity;
  path?: string;
  /** A pattern, or a text the message must contain. */
  message?: RegExp | string;
  fix?: RegExp | string;
}

/** Validates `value`, asserts it yields exactly one finding matching `expected`, and returns it. */
export function expectOnlyFinding(value: unknown, expected: ExpectedFinding): Finding {
  const { findings } = validateMetadata(value);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  if (finding === undefined) throw new Error("unreachable: length checked above");
  expect(finding.severity).toBe(expected.severity);
  if (expected.path !== undefined) expect(finding.path).toBe(expected.path);
  if (expected.message !== undefined) expect(finding.message).toMatch(expected.message);
  if (expected.fix !== undefined) expect(finding.fix).toMatch(expected.fix);
  return finding;
}
