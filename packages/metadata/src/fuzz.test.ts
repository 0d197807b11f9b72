import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { propertyRuns } from "@dext/vitest-config/property-runs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCompose } from "./check-compose.ts";
import { checkDockerfileRules } from "./check-dockerfile-rules.ts";
import { checkImageFiles } from "./check-image-files.ts";
import { checkMetadataText } from "./check-metadata-text.ts";
import { main } from "./cli.ts";
import { readComposeFile } from "./compose-file.ts";
import { dockerfileLabels } from "./dockerfile-labels.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import type { Finding } from "./finding.ts";
import { formatTextReport } from "./format-report.ts";
import {
  generatedText,
  malformedCompose,
  malformedDockerfile,
  METADATA_KINDS,
  validMetadataDocuments,
} from "./testing/fuzz.ts";
import { imageLayout } from "./image-layout.ts";
import { MAX_METADATA_BYTES } from "./input-limits.ts";
import { metadataRefs } from "./metadata-refs.ts";
import { validateLabels } from "./validate-labels.ts";

// Documents that validate with no finding at all; the Dockerfile check takes its references from them.
const VALID = validMetadataDocuments();

function expectWellFormed(findings: readonly Finding[]): void {
  // One assertion per input rather than per finding: huge inputs yield tens of thousands. The input
  // itself is in fast-check's report, with the seed and path that replay it.
  const malformed = findings.filter(
    (finding) =>
      !["error", "warning"].includes(finding.severity) ||
      typeof finding.path !== "string" ||
      typeof finding.message !== "string",
  );
  expect(malformed).toEqual([]);
  expect(() => JSON.stringify(findings)).not.toThrow();
  expect(() => formatTextReport("x", findings)).not.toThrow();
}

const METADATA_RUNS = METADATA_KINDS.reduce((sum, [, runs]) => sum + runs, 0);
const DOCKERFILE_RUNS = 200;
const COMPOSE_RUNS = 200;

describe("generated malformed metadata.json", () => {
  it("are at least a thousand", () => {
    expect(METADATA_RUNS).toBeGreaterThanOrEqual(1000);
  });

  // Malformed for the strictest verdict: an odd root key is an error only with --marketplace.
  it.each(METADATA_KINDS.map(([kind, runs, arbitrary]) => [kind, runs, arbitrary] as const))(
    "with %s (%i) each yield an error (--marketplace) and never a crash",
    (kind, runs, arbitrary) => {
      fc.assert(
        fc.property(
          arbitrary.map((text) => generatedText(kind, text)),
          ({ text }) => {
            const { findings } = checkMetadataText(text, "metadata.json", { marketplace: true });
            expect(findings.some((finding) => finding.severity === "error")).toBe(true);
            expectWellFormed(findings);
          },
        ),
        propertyRuns(runs),
      );
    },
  );

  describe("through the CLI", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "dext-fuzz-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    // A twentieth of each kind's runs, rounded up: every kind, the huge files past the cap included, reaches the CLI.
    it.each(METADATA_KINDS.map(([kind, runs, arbitrary]) => [kind, Math.ceil(runs / 20), arbitrary] as const))(
      "with %s (%i) exit 1 with one parsable JSON report, or 2 with metadata_too_large past the cap",
      async (kind, runs, arbitrary) => {
        await fc.assert(
          fc.asyncProperty(
            arbitrary.map((text) => generatedText(kind, text)),
            async ({ text }) => {
              await writeFile(join(dir, "metadata.json"), text);
              let stdout = "";
              const code = await main(["validate", "--json", "--marketplace", dir], {
                stdout: { write: (chunk: string) => (stdout += chunk) },
                stderr: { write: () => true },
              });
              const tooLarge = Buffer.byteLength(text) > MAX_METADATA_BYTES;
              expect(code).toBe(tooLarge ? 2 : 1);
              const report = JSON.parse(stdout) as { valid: boolean; error?: { code: string } };
              expect(report.valid).toBe(false);
              if (tooLarge) expect(report.error?.code).toBe("metadata_too_large");
            },
          ),
          propertyRuns(runs),
        );
      },
    );
  });
});

describe("generated malformed Dockerfiles and compose files", () => {
  it(`${DOCKERFILE_RUNS} Dockerfiles yield findings and never a crash`, () => {
    fc.assert(
      fc.property(
        malformedDockerfile.map((text) => generatedText("Dockerfile", text)),
        fc.constantFrom(...VALID),
        ({ text }, document) => {
          const model = readDockerfile(text, "Dockerfile", new Map([["A", "${B}"]]));
          const refs = metadataRefs(document);
          const layout = imageLayout(model, tmpdir());
          const labels = dockerfileLabels(model);
          const findings = [
            ...checkImageFiles({ model, layout, refs, dir: tmpdir(), context: tmpdir() }),
            ...checkDockerfileRules({ model, layout, refs, composeServicesNeedingCmd: ["api"] }),
            ...labels.findings,
            ...validateLabels(labels),
          ];
          expect(findings.length).toBeGreaterThan(0);
          expectWellFormed(findings);
        },
      ),
      propertyRuns(DOCKERFILE_RUNS),
    );
  });

  it(`${COMPOSE_RUNS} compose files yield an error and never a crash`, () => {
    const refs = metadataRefs({ vm: { composefile: "c.yaml", exposes: { socket: "a.sock" } } });
    fc.assert(
      fc.property(
        malformedCompose.map((text) => generatedText("compose file", text)),
        ({ text }) => {
          const { findings } = checkCompose(readComposeFile(text, "c.yaml"), refs);
          expect(findings.some((finding) => finding.severity === "error")).toBe(true);
          expectWellFormed(findings);
        },
      ),
      propertyRuns(COMPOSE_RUNS),
    );
  });
});
