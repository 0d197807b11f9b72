import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "./testing/fixture-cases.ts";
import { formatFinding } from "./format-report.ts";
import { validateExtensionDir } from "./validate-extension-dir.ts";

// Every sample of the repository is an extension folder built from the repository root.
const samples = readdirSync(SAMPLES)
  .filter((name) => existsSync(join(SAMPLES, name, "metadata.json")))
  .sort();

describe("the repository's samples", () => {
  it("exist", () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  // The release validates with --marketplace, so the samples meet the Marketplace's rules too.
  it.each(samples)(
    "%s passes with --marketplace: metadata.json, labels, image contents and build rules",
    async (name) => {
      const report = await validateExtensionDir(join(SAMPLES, name), { marketplace: true });
      const errors = report.findings.filter((finding) => finding.severity === "error").map(formatFinding);
      expect(errors).toEqual([]);
      expect(report.dockerfilePath).toBeDefined();
    },
  );

  it("finds the repository root as minimal-backend's build context, as its Makefile passes it", async () => {
    const report = await validateExtensionDir(join(SAMPLES, "minimal-backend"));
    expect(resolve(report.context ?? "")).toBe(resolve(SAMPLES, ".."));
  });
});
