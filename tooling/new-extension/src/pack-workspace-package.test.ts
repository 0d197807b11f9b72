import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packedEntries } from "./pack-workspace-package.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-pack-"));
  await mkdir(join(dir, "dist"), { recursive: true });
  await mkdir(join(dir, "vite"), { recursive: true });
  await mkdir(join(dir, "node_modules"), { recursive: true });
  for (const file of [
    "package.json",
    "README.md",
    "a.json",
    "b.json",
    "vite/index.js",
    "vite/index.d.ts",
    "dist/index.js",
  ]) {
    await writeFile(join(dir, file), "{}");
  }
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("packedEntries", () => {
  it("takes everything but installs and caches when the package names no files", async () => {
    expect((await packedEntries(dir, undefined)).sort()).toEqual(["README.md", "a.json", "b.json", "dist", "vite"]);
  });

  it("takes top-level names, one-level patterns and paths inside folders", async () => {
    expect(await packedEntries(dir, ["dist", "*.json", "vite/index.js", "vite/index.d.ts"])).toEqual([
      "dist",
      "a.json",
      "b.json",
      "package.json",
      "vite/index.js",
      "vite/index.d.ts",
    ]);
  });

  it("leaves negated entries to npm pack", async () => {
    expect(await packedEntries(dir, ["vite", "!vite/*.test.ts"])).toEqual(["vite"]);
  });

  it("refuses a path the package does not have instead of packing without it", async () => {
    await expect(packedEntries(dir, ["vite/missing.js"])).rejects.toThrow('"files" names vite/missing.js');
  });
});
