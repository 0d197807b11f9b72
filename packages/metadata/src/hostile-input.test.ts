import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { propertyRuns } from "@dext/vitest-config/property-runs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "./finding.ts";
import {
  BUDGET_MS,
  crashIn,
  EXIT_CODES,
  HANG_MS,
  hostileCase,
  hostileFoldersOfThisFile,
  OUTSIDE_TEXT,
  runCliProcess,
  unlocated,
} from "./testing/hostile-input.ts";
import { runCli } from "./testing/run-cli.ts";

const VALIDATE_RUNS = 1000;

const folders = hostileFoldersOfThisFile();

interface JsonReport {
  valid: boolean;
  findings?: Finding[];
  error?: { code: string; message: string };
}

describe("generated hostile extension folders", () => {
  it(`dext validate --json: ${VALIDATE_RUNS} folders, each a documented exit code, one JSON document, no crash or hang, every finding located`, async () => {
    const runs = propertyRuns(VALIDATE_RUNS, { budgetMs: BUDGET_MS, runTimeoutMs: HANG_MS });
    const codes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileCase, async (hostile) => {
        const dir = await folders.caseDir(hostile);
        try {
          const started = performance.now();
          const { code, stdout, stderr } = await runCli(["validate", "--json", dir]);
          expect(performance.now() - started).toBeLessThan(HANG_MS);
          expect(EXIT_CODES).toContain(code);
          // Under --json a crash could only reach stderr; parsing stdout proves it is one document.
          expect(crashIn(stderr)).toBeUndefined();
          const report = JSON.parse(stdout) as JsonReport;
          if (code === 2) expect(typeof report.error?.code).toBe("string");
          else expect(unlocated(report.findings ?? [])).toEqual([]);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      runs,
    );
    // Both outcomes must come up often, or the suite proves less than it claims (exit 0 needs a
    // whole valid extension, which the corpus and sample tests cover). Not when replaying one case.
    if (runs.path === undefined) {
      expect(codes.get(1)).toBeGreaterThan(VALIDATE_RUNS / 10);
      expect(codes.get(2)).toBeGreaterThan(VALIDATE_RUNS / 10);
    }
    expect(await readFile(folders.outside, "utf8")).toBe(OUTSIDE_TEXT);
  }, 120_000);
});

describe("FIFOs and devices in a real process", () => {
  const image = { vm: { composefile: "docker-compose.yaml" }, icon: "icon.svg" };
  const setups: [string, string[], (dir: string) => Promise<void>][] = [
    ["a FIFO metadata.json", ["validate"], (dir) => fifo(join(dir, "metadata.json"))],
    ["metadata.json linked to /dev/zero", ["validate"], (dir) => symlink("/dev/zero", join(dir, "metadata.json"))],
    ["a FIFO Dockerfile", ["validate"], async (dir) => (await modern(dir), fifo(join(dir, "Dockerfile")))],
    [
      "a Dockerfile linked to /dev/urandom",
      ["validate"],
      async (dir) => (await modern(dir), symlink("/dev/urandom", join(dir, "Dockerfile"))),
    ],
    [
      "a FIFO compose file and icon",
      ["validate"],
      async (dir) => (await modern(dir), fifo(join(dir, "docker-compose.yaml")), fifo(join(dir, "icon.svg"))),
    ],
    ["migrate --write of a FIFO metadata.json", ["migrate", "--write"], (dir) => fifo(join(dir, "metadata.json"))],
  ];

  async function modern(dir: string): Promise<void> {
    await writeFile(join(dir, "metadata.json"), JSON.stringify(image));
  }
  async function fifo(path: string): Promise<void> {
    execFileSync("mkfifo", [path]);
    return Promise.resolve();
  }

  it("end within 10 s with exit 1 or 2 and a message naming the file, never a stack", async () => {
    const runs = await Promise.all(
      setups.map(async ([name, argv, setup]) => {
        const dir = await mkdtemp(join(folders.root, "p"));
        await setup(dir);
        return { name, ...(await runCliProcess([...argv, dir], HANG_MS)) };
      }),
    );
    for (const run of runs) {
      expect(run.code, `${run.name} (killed after ${Math.round(run.ms)} ms when null)`).not.toBeNull();
      expect([1, 2], run.name).toContain(run.code);
      expect(crashIn(run.stdout + run.stderr), run.name).toBeUndefined();
      expect(run.stdout + run.stderr, run.name).toMatch(/not a regular file|FIFO|character device/);
    }
  }, 60_000);
});
