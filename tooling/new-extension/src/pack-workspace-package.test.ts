import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { excludedByFiles, packedEntries } from "./pack-workspace-package.ts";

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

  it("leaves negated entries to excludedByFiles", async () => {
    expect(await packedEntries(dir, ["vite", "!vite/*.test.ts"])).toEqual(["vite"]);
  });

  it("refuses a path the package does not have instead of packing without it", async () => {
    await expect(packedEntries(dir, ["vite/missing.js"])).rejects.toThrow('"files" names vite/missing.js');
  });
});

describe("excludedByFiles", () => {
  const files = ["dist", "vite", "!vite/*.test.ts", "!vite/testing/"];

  it("leaves out what a negated entry names, and everything in a folder it names", () => {
    expect(excludedByFiles(files, "vite/first-view.test.ts")).toBe(true);
    expect(excludedByFiles(files, "vite/testing")).toBe(true);
    expect(excludedByFiles(files, "vite/testing/fixture/app.js")).toBe(true);
  });

  it("keeps the rest: * stays within one name, and a name that only starts the same is another", () => {
    expect(excludedByFiles(files, "vite/index.js")).toBe(false);
    expect(excludedByFiles(files, "vite/deep/x.test.ts")).toBe(false);
    expect(excludedByFiles(files, "vite/testing-kit.js")).toBe(false);
    expect(excludedByFiles(undefined, "vite/x.test.ts")).toBe(false);
  });
});
