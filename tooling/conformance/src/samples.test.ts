// The repository's samples, held to the same validator as the corpus: the release validates them
// with --marketplace, so they meet the Marketplace's rules too. This package is where checks that
// need the samples live, so the libraries below them test on fixtures of their own.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validateExtensionDir } from "@dext/metadata";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const samplesDir = join(repoRoot, "samples");
const samples = readdirSync(samplesDir)
  .filter((name) => existsSync(join(samplesDir, name, "metadata.json")))
  .sort();

describe("the repository's samples", () => {
  it("exist", () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples)(
    "%s passes with --marketplace: metadata.json, labels, image contents and build rules",
    async (name) => {
      const report = await validateExtensionDir(join(samplesDir, name), { marketplace: true });
      const errors = report.findings
        .filter((finding) => finding.severity === "error")
        .map((finding) => `${finding.path}: ${finding.message}`);
      expect(errors).toEqual([]);
      expect(report.dockerfilePath).toBeDefined();
    },
  );

  it("finds the repository root as minimal-backend's build context, as its Makefile passes it", async () => {
    const report = await validateExtensionDir(join(samplesDir, "minimal-backend"));
    expect(resolve(report.context ?? "")).toBe(resolve(repoRoot));
  });
});
