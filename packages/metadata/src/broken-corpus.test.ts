import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenCases, materialize } from "./testing/fixture-cases.ts";
import { validateExtensionDir } from "./validate-extension-dir.ts";

const cases = await brokenCases();
const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the broken corpus: one copy of a valid extension per rule", () => {
  it("has a case for every cross-file, Dockerfile, label and compose rule", () => {
    expect(cases.length).toBeGreaterThanOrEqual(46);
  });

  // Each case lists its findings as --marketplace gives them; a finding of scope "marketplace"
  // is a warning without it, and the Desktop verdict is valid when only those remain.
  it.each(cases.map((brokenCase) => [brokenCase.name, brokenCase] as const))(
    "%s yields exactly the expected finding, in both verdicts",
    async (_name, brokenCase) => {
      const dir = await materialize(brokenCase);
      made.push(dir);
      for (const marketplace of [true, false]) {
        const { findings, valid } = await validateExtensionDir(dir, { marketplace });
        const summary = findings.map(({ severity, path, message, scope }) => ({ severity, path, message, scope }));
        expect(summary, brokenCase.rule).toHaveLength(brokenCase.findings.length);
        brokenCase.findings.forEach((expected, index) => {
          const path = expected.path.startsWith("$") ? expected.path : join(dir, expected.path);
          const scope = expected.scope ?? "desktop";
          const severity = scope === "marketplace" ? (marketplace ? "error" : "warning") : expected.severity;
          expect(summary[index]).toEqual({
            severity,
            path,
            scope,
            message: expect.stringContaining(expected.message) as string,
          });
          // Every finding says how to fix it, in one line.
          expect(findings[index]?.fix).toMatch(/^[^\n]+$/);
        });
        expect(valid).toBe(!summary.some((finding) => finding.severity === "error"));
      }
    },
  );
});
