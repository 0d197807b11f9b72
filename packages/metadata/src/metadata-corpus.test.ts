import { describe, expect, it } from "vitest";
import { metadataExpectations as expectations, metadataFixtures } from "./testing/fixture-cases.ts";
import type { Scope, Severity } from "./finding.ts";
import { validateMetadata } from "./validate-metadata.ts";

type Summary = { severity: Severity; path: string; message: string; scope?: Scope }[];

function summary(value: unknown, marketplace = false): Summary {
  return validateMetadata(value, { marketplace }).findings.map(({ severity, path, message, scope }) =>
    scope === "marketplace" ? { severity, path, message, scope } : { severity, path, message },
  );
}

function wanted(findings: Summary): Summary {
  return findings.map((finding) => ({ ...finding, message: expect.stringContaining(finding.message) as string }));
}

describe("valid metadata fixtures: Desktop installs them, the Marketplace lists them", () => {
  const expected = expectations("valid");
  it.each(metadataFixtures("valid"))("%s is valid, with exactly the expected warnings", (name, document) => {
    expect(validateMetadata(document).valid).toBe(true);
    expect(validateMetadata(document, { marketplace: true }).valid).toBe(true);
    expect(summary(document)).toEqual(wanted(expected[name] ?? []));
  });
});

describe("marketplace metadata fixtures: Desktop installs them, docker extension validate refuses them", () => {
  const expected = expectations("marketplace");
  it("has an expectation for every fixture and a fixture for every expectation", () => {
    expect(metadataFixtures("marketplace").map(([name]) => name)).toEqual(Object.keys(expected).sort());
  });

  it.each(metadataFixtures("marketplace"))(
    "%s: warnings by default, exactly the expected errors with --marketplace",
    (name, document) => {
      const findings = expected[name] ?? [];
      expect(findings.every((finding) => finding.scope === "marketplace")).toBe(true);
      expect(validateMetadata(document).valid).toBe(true);
      expect(summary(document)).toEqual(wanted(findings.map((finding) => ({ ...finding, severity: "warning" }))));
      expect(validateMetadata(document, { marketplace: true }).valid).toBe(false);
      expect(summary(document, true)).toEqual(wanted(findings));
    },
  );
});

describe("broken metadata fixtures: one per rule Desktop enforces", () => {
  const expected = expectations("broken");
  it("has an expectation for every fixture and a fixture for every expectation", () => {
    expect(metadataFixtures("broken").map(([name]) => name)).toEqual(Object.keys(expected).sort());
  });

  it.each(metadataFixtures("broken"))(
    "%s yields exactly the expected error, with or without --marketplace",
    (name, document) => {
      expect(summary(document)).toEqual(wanted(expected[name] ?? []));
      expect(summary(document, true)).toEqual(wanted(expected[name] ?? []));
    },
  );
});
