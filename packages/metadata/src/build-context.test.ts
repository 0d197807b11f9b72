import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextHas, detectContext, matchContext } from "./build-context.ts";
import { checkIconFile } from "./check-icon-file.ts";
import { MAX_CONTEXT_LEVELS } from "./input-limits.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-context-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("detectContext bounds", () => {
  it("does not climb above the boundary it is given, even when a higher folder has every source", async () => {
    await mkdir(join(dir, "repo", "samples", "x"), { recursive: true });
    await writeFile(join(dir, "only-at-top.txt"), "");
    const found = detectContext(join(dir, "repo", "samples", "x"), ["only-at-top.txt"], join(dir, "repo"));
    expect(found.context).toBe(join(dir, "repo", "samples", "x"));
    expect(found.missing).toEqual(["only-at-top.txt"]);
    expect(detectContext(join(dir, "repo", "samples", "x"), ["only-at-top.txt"]).context).toBe(dir);
  });

  it(`climbs at most ${MAX_CONTEXT_LEVELS} folders from a very deep one, and ends`, async () => {
    const deep = join(dir, ...Array.from({ length: MAX_CONTEXT_LEVELS + 20 }, () => "d"));
    await mkdir(deep, { recursive: true });
    const found = detectContext(deep, ["nowhere"]);
    expect(found.context).toBe(deep);
    expect(found.missing).toEqual(["nowhere"]);
  });

  it("ends at the filesystem root when nothing stops it earlier", () => {
    expect(detectContext(sep, ["nowhere-at-all"]).context).toBe(sep);
  });

  it("matches wildcards through a symlink loop without looping, and a loop's own name matches nothing", async () => {
    await symlink(".", join(dir, "self"));
    await symlink(join(dir, "b"), join(dir, "a"));
    await symlink(join(dir, "a"), join(dir, "b"));
    await writeFile(join(dir, "f.txt"), "");
    expect(matchContext(dir, "self/self/self/*.txt")).toEqual(["self/self/self/f.txt"]);
    expect(matchContext(dir, "a")).toEqual([]);
    expect(matchContext(dir, "*/*/*/*/*").length).toBeLessThanOrEqual(1001);
  });

  it("contextHas answers what an empty matchContext list would, for plain, wildcard and missing sources", async () => {
    await mkdir(join(dir, "a", "b"), { recursive: true });
    await mkdir(join(dir, "c", "d"), { recursive: true });
    await writeFile(join(dir, "a", "b", "x.txt"), "");
    await writeFile(join(dir, "c", "d", "y.txt"), "");
    await symlink(".", join(dir, "self"));
    const sources = [
      "a/b/x.txt",
      "*/*/*.txt",
      "*/d/*",
      "?/b/y.txt",
      "*/*/z.txt",
      "nowhere",
      "",
      ".",
      "../a",
      "self/*/*/*.txt",
    ];
    for (const source of sources) expect(contextHas(dir, source), source).toBe(matchContext(dir, source).length > 0);
  });
});

describe("checkIconFile", () => {
  it("warns about an icon that is a FIFO, looking at it without opening it", async () => {
    execFileSync("mkfifo", [join(dir, "icon.svg")]);
    const findings = await checkIconFile({ binaries: [], icon: { value: "icon.svg", path: "$.icon" } }, dir, undefined);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", path: "$.icon" });
    expect(findings[0]?.message).toMatch(/FIFO/);
  });

  it("warns about an icon over MAX_ICON_BYTES and says nothing about a normal one", async () => {
    await writeFile(join(dir, "big.png"), Buffer.alloc(6 * 1024 * 1024));
    await writeFile(join(dir, "ok.svg"), "<svg/>");
    const big = await checkIconFile({ binaries: [], icon: { value: "big.png", path: "$.icon" } }, dir, undefined);
    expect(big.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/6 MiB, more than the 5 MiB/) as string,
    ]);
    expect(await checkIconFile({ binaries: [], icon: { value: "ok.svg", path: "$.icon" } }, dir, undefined)).toEqual(
      [],
    );
  });
});
