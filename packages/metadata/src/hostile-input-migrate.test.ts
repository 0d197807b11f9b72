// The migrate half of the generated hostile folders (the validate half is in hostile-input.test.ts):
// a file of its own so that Vitest runs the two on separate workers.
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { propertyRuns } from "@dext/vitest-config/property-runs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUDGET_MS,
  crashIn,
  EXIT_CODES,
  HANG_MS,
  hostileCase,
  hostileFoldersOfThisFile,
  OUTSIDE_TEXT,
} from "./testing/hostile-input.ts";
import { runCli } from "./testing/run-cli.ts";

const MIGRATE_RUNS = 500;

const folders = hostileFoldersOfThisFile();

describe("generated hostile extension folders", () => {
  it(`dext migrate --write: ${MIGRATE_RUNS} folders, no crash or hang, and on exit 2 metadata.json is byte for byte what it was with no temporary file left`, async () => {
    const runs = propertyRuns(MIGRATE_RUNS, { budgetMs: BUDGET_MS, runTimeoutMs: HANG_MS });
    let wrote = 0;
    await fc.assert(
      fc.asyncProperty(hostileCase, async (hostile) => {
        const dir = await folders.caseDir(hostile);
        try {
          const before = hostile.metadata.kind === "text" ? await readFile(join(dir, "metadata.json")) : undefined;
          const started = performance.now();
          const { code, stdout, stderr } = await runCli(["migrate", dir, "--write"]);
          expect(performance.now() - started).toBeLessThan(HANG_MS);
          expect(EXIT_CODES).toContain(code);
          expect(crashIn(stderr + stdout)).toBeUndefined();
          const names = await readdir(dir);
          expect(names.filter((name) => name.endsWith(".dext-tmp"))).toEqual([]);
          if (code === 2) {
            expect(stderr).toMatch(/^dext: /);
            // Buffer.equals: toEqual walks a megabyte buffer index by index.
            if (before !== undefined) expect((await readFile(join(dir, "metadata.json"))).equals(before)).toBe(true);
            expect(names).not.toContain("metadata.json.bak");
          } else {
            wrote++;
            expect(before !== undefined && (await readFile(join(dir, "metadata.json.bak"))).equals(before)).toBe(true);
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      runs,
    );
    if (runs.path === undefined) expect(wrote).toBeGreaterThan(0);
    expect(await readFile(folders.outside, "utf8")).toBe(OUTSIDE_TEXT);
  }, 120_000);
});
