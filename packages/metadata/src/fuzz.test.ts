import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCompose } from "./check-compose.js";
import { checkDockerfileRules } from "./check-dockerfile-rules.js";
import { checkImageFiles } from "./check-image-files.js";
import { checkMetadataText } from "./check-metadata-text.js";
import { main } from "./cli.js";
import { readComposeFile } from "./compose-file.js";
import { dockerfileLabels } from "./dockerfile-labels.js";
import { readDockerfile } from "./dockerfile-model.js";
import type { Finding } from "./finding.js";
import { formatTextReport } from "./format-report.js";
import { malformedCompose, malformedDockerfile, METADATA_GENERATORS, metadataInputs, random, validMetadataDocuments } from "./fuzz.test-support.js";
import { imageContents } from "./image-contents.js";
import { MAX_METADATA_BYTES } from "./input-limits.js";
import { metadataRefs } from "./metadata-refs.js";
import { validateLabels } from "./validate-labels.js";

// Documents that validate with no finding at all; the Dockerfile and compose checks reuse them.
const VALID = validMetadataDocuments();

function expectWellFormed(findings: readonly Finding[], where: string): void {
  // One assertion per input rather than per finding: huge inputs yield tens of thousands.
  const malformed = findings.filter(
    (finding) => !["error", "warning"].includes(finding.severity) || typeof finding.path !== "string" || typeof finding.message !== "string",
  );
  expect(malformed, where).toEqual([]);
  expect(() => JSON.stringify(findings), where).not.toThrow();
  expect(() => formatTextReport("x", findings), where).not.toThrow();
}

describe("generated malformed metadata.json", () => {
  const inputs = metadataInputs();

  it("are at least a thousand", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(1000);
  });

  // Malformed for the strictest verdict: an odd root key is an error only with --marketplace.
  it.each(METADATA_GENERATORS.map(([kind]) => [kind]))("with %s each yield an error (--marketplace) and never a crash", (kind) => {
    for (const [inputKind, seed, text] of inputs) {
      if (inputKind !== kind) continue;
      const where = `${kind}, seed ${seed}`;
      const { findings } = checkMetadataText(text, "metadata.json", { marketplace: true });
      expect(findings.some((finding) => finding.severity === "error"), where).toBe(true);
      expectWellFormed(findings, where);
    }
  });

  describe("through the CLI", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "dext-fuzz-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("exit 1 with one parsable JSON report for every 20th input, or 2 with metadata_too_large past the cap", async () => {
      for (const [kind, seed, text] of inputs.filter((_, index) => index % 20 === 0)) {
        await writeFile(join(dir, "metadata.json"), text);
        let stdout = "";
        const code = await main(["validate", "--json", "--marketplace", dir], { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: () => true } });
        const tooLarge = Buffer.byteLength(text) > MAX_METADATA_BYTES;
        expect(code, `${kind}, seed ${seed}`).toBe(tooLarge ? 2 : 1);
        const report = JSON.parse(stdout) as { valid: boolean; error?: { code: string } };
        expect(report.valid).toBe(false);
        if (tooLarge) expect(report.error?.code).toBe("metadata_too_large");
      }
    });
  });
});

describe("generated malformed Dockerfiles and compose files", () => {
  it("200 Dockerfiles yield findings and never a crash", () => {
    for (let seed = 0; seed < 200; seed++) {
      const where = `Dockerfile seed ${seed}`;
      const model = readDockerfile(malformedDockerfile(random(seed)), "Dockerfile", new Map([["A", "${B}"]]));
      const refs = metadataRefs(VALID[seed % VALID.length]);
      const contents = imageContents(model, tmpdir());
      const labels = dockerfileLabels(model);
      const findings = [
        ...checkImageFiles({ model, contents, refs, dir: tmpdir(), context: tmpdir() }),
        ...checkDockerfileRules({ model, contents, refs, composeServicesNeedingCmd: ["api"] }),
        ...labels.findings,
        ...validateLabels(labels),
      ];
      expect(findings.length, where).toBeGreaterThan(0);
      expectWellFormed(findings, where);
    }
  });

  it("200 compose files yield an error and never a crash", () => {
    for (let seed = 0; seed < 200; seed++) {
      const where = `compose seed ${seed}`;
      const refs = metadataRefs({ vm: { composefile: "c.yaml", exposes: { socket: "a.sock" } } });
      const { findings } = checkCompose(readComposeFile(malformedCompose(random(seed)), "c.yaml"), refs);
      expect(findings.some((finding) => finding.severity === "error"), where).toBe(true);
      expectWellFormed(findings, where);
    }
  });
});
