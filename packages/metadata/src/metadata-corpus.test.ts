import { describe, expect, it } from "vitest";
import { metadataExpectations as expectations, metadataFixtures } from "./fixture-cases.test-support.js";
import type { Severity } from "./finding.js";
import { validateMetadata } from "./validate-metadata.js";

function summary(value: unknown): { severity: Severity; path: string; message: string }[] {
  return validateMetadata(value).findings.map(({ severity, path, message }) => ({ severity, path, message }));
}

describe("valid metadata fixtures", () => {
  const expected = expectations("valid");
  it.each(metadataFixtures("valid"))("%s is valid, with exactly the expected warnings", (name, document) => {
    expect(validateMetadata(document).valid).toBe(true);
    const wanted = (expected[name] ?? []).map((finding) => ({ ...finding, message: expect.stringContaining(finding.message) as string }));
    expect(summary(document)).toEqual(wanted);
  });
});

describe("broken metadata fixtures: one per metadata rule", () => {
  const expected = expectations("broken");
  it("has an expectation for every fixture and a fixture for every expectation", () => {
    expect(metadataFixtures("broken").map(([name]) => name)).toEqual(Object.keys(expected).sort());
  });

  it.each(metadataFixtures("broken"))("%s yields exactly the expected error", (name, document) => {
    const wanted = (expected[name] ?? []).map((finding) => ({ ...finding, message: expect.stringContaining(finding.message) as string }));
    expect(summary(document)).toEqual(wanted);
  });
});
