import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenCases, materialize } from "./fixture-cases.test-support.js";
import { validateExtensionDir } from "./validate-extension-dir.js";

const cases = await brokenCases();
const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the broken corpus: one copy of a valid extension per rule", () => {
  it("has a case for every cross-file, Dockerfile, label and compose rule", () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases.map((brokenCase) => [brokenCase.name, brokenCase] as const))("%s yields exactly the expected finding", async (_name, brokenCase) => {
    const dir = await materialize(brokenCase);
    made.push(dir);
    const { findings } = await validateExtensionDir(dir);
    const summary = findings.map(({ severity, path, message }) => ({ severity, path, message }));
    expect(summary, brokenCase.rule).toHaveLength(brokenCase.findings.length);
    brokenCase.findings.forEach((expected, index) => {
      const path = expected.path.startsWith("$") ? expected.path : join(dir, expected.path);
      expect(summary[index]).toEqual({ severity: expected.severity, path, message: expect.stringContaining(expected.message) as string });
      // Every finding says how to fix it, in one line.
      expect(findings[index]?.fix).toMatch(/^[^\n]+$/);
    });
  });
});
