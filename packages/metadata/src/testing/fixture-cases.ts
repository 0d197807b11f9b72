import { readdirSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Scope, Severity } from "../finding.ts";

export const FIXTURES = fileURLToPath(new URL("../../fixtures", import.meta.url));

/** A broken copy of a valid fixture extension: `fixtures/broken/<name>/case.json` plus the files it replaces. */
export interface BrokenCase {
  name: string;
  /** The folder under fixtures/extensions it starts from. */
  base: string;
  rule: string;
  remove?: string[];
  /**
   * Exactly the findings expected with `--marketplace`; `path` is relative to the extension folder
   * unless it is a JSON path. `scope` defaults to "desktop"; a "marketplace" one is a warning without the flag.
   */
  findings: { severity: Severity; path: string; message: string; scope?: Scope }[];
}

export async function brokenCases(): Promise<BrokenCase[]> {
  const names = (await readdir(join(FIXTURES, "broken"))).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      ...(JSON.parse(await readFile(join(FIXTURES, "broken", name, "case.json"), "utf8")) as Omit<BrokenCase, "name">),
    })),
  );
}

/** Copies the base extension and the case's files into a new temporary folder and returns it. */
export async function materialize(brokenCase: BrokenCase): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `dext-${brokenCase.name}-`));
  await cp(join(FIXTURES, "extensions", brokenCase.base), dir, { recursive: true });
  for (const file of brokenCase.remove ?? []) await rm(join(dir, file));
  await cp(join(FIXTURES, "broken", brokenCase.name), dir, {
    recursive: true,
    filter: (source) => !source.endsWith("case.json"),
  });
  return dir;
}

export type MetadataExpectations = Record<
  string,
  { severity: Severity; path: string; message: string; scope?: Scope }[]
>;

/**
 * `valid`: Desktop installs it, and so would the Marketplace (warnings at most). `marketplace`:
 * Desktop installs it, the Marketplace refuses it (errors only with `--marketplace`). `broken`:
 * Desktop refuses it, or it breaks there.
 */
export type MetadataKind = "valid" | "marketplace" | "broken";

/** `[name, parsed document]` for every fixtures/metadata/<kind>/*.json except the expectations. */
export function metadataFixtures(kind: MetadataKind): [string, unknown][] {
  const folder = join(FIXTURES, "metadata", kind);
  return readdirSync(folder)
    .filter((file) => file.endsWith(".json") && file !== "expected.json")
    .sort()
    .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(join(folder, file), "utf8")) as unknown]);
}

/** fixtures/metadata/<kind>/expected.json: the exact findings by fixture name (none when absent). */
export function metadataExpectations(kind: MetadataKind): MetadataExpectations {
  return JSON.parse(readFileSync(join(FIXTURES, "metadata", kind, "expected.json"), "utf8")) as MetadataExpectations;
}
