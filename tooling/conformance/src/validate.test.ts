// `dext validate` on every case of the corpus, as a user runs it: no error on what Docker Desktop
// installs, the errors Desktop would give on what it refuses, and --marketplace adding the listing rules.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "./corpus.ts";
import { dextValidate } from "./dext-validate.ts";
import type { ExpectedFinding } from "./corpus.ts";
import type { ReportedFinding } from "./dext-validate.ts";

const corpus = readCorpus();

let compileCache: string;
beforeAll(async () => {
  compileCache = await mkdtemp(join(tmpdir(), "dext-conformance-cc-"));
});
afterAll(() => rm(compileCache, { recursive: true, force: true }));

function reported(findings: readonly ReportedFinding[]) {
  return findings.map(({ severity, scope, path, message }) => ({ severity, scope, path, message }));
}

function expected(list: readonly ExpectedFinding[], severity: string, scope: string) {
  return list.map(({ path, message }) => ({
    severity,
    scope,
    path,
    message: expect.stringContaining(message) as string,
  }));
}

const bySeverityThenScope = (a: { severity: string; scope: string }, b: { severity: string; scope: string }) =>
  a.severity.localeCompare(b.severity) || a.scope.localeCompare(b.scope);

describe.each(corpus)("$name", ({ dir, spec }) => {
  const { errors, warnings, marketplaceErrors } = spec.validate;
  const knownBug = spec.knownBugs?.validate;
  // Skipped, with the bug in its name, until the bug its case.json names (knownBugs.validate) is fixed.
  const run =
    knownBug === undefined
      ? it
      : (title: string, test: () => Promise<void>) => {
          it.skip(`${title} [skipped: known validate bug, ${knownBug}]`, test);
        };

  run(
    spec.installs
      ? "dext validate: exit 0 and no error, since Desktop installs it"
      : `dext validate: exit 1 with the errors Desktop refuses it for (${spec.refusal ?? ""})`,
    async () => {
      const { exitCode, findings } = await dextValidate(dir, { marketplace: false, compileCache });
      expect(reported(findings).sort(bySeverityThenScope)).toEqual([
        ...expected(errors, "error", "desktop"),
        ...expected(warnings, "warning", "desktop"),
        ...expected(marketplaceErrors, "warning", "marketplace"),
      ]);
      expect(exitCode).toBe(spec.installs ? 0 : 1);
    },
  );

  run(
    marketplaceErrors.length === 0
      ? "dext validate --marketplace: the same verdict, no listing rule broken"
      : `dext validate --marketplace: exit 1, the ${marketplaceErrors.length} listing rule(s) now errors`,
    async () => {
      const { exitCode, findings } = await dextValidate(dir, { marketplace: true, compileCache });
      expect(reported(findings).sort(bySeverityThenScope)).toEqual([
        ...expected(errors, "error", "desktop"),
        ...expected(marketplaceErrors, "error", "marketplace"),
        ...expected(warnings, "warning", "desktop"),
      ]);
      expect(exitCode).toBe(errors.length + marketplaceErrors.length === 0 ? 0 : 1);
    },
  );
});
