import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WrittenPaths } from "./written-paths.ts";

let root = "";
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "written-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("WrittenPaths.removeAll", () => {
  it("removes the files and folders it made, deepest first", async () => {
    const written = new WrittenPaths();
    await written.mkdir(join(root, "copy"));
    await written.mkdir(join(root, "copy", "src"));
    await written.writeFile(join(root, "copy", "src", "a.ts"), "a");
    expect(await written.removeAll()).toEqual([]);
    expect(await readdir(root)).toEqual([]);
  });

  it("leaves a folder that holds a file it did not write, and that file", async () => {
    const written = new WrittenPaths();
    await written.mkdir(join(root, "copy"));
    await written.writeFile(join(root, "copy", "mine.txt"), "mine");
    await writeFile(join(root, "copy", "theirs.txt"), "theirs");
    expect(await written.removeAll()).toEqual([join(root, "copy")]);
    expect(await readdir(join(root, "copy"))).toEqual(["theirs.txt"]);
  });

  it("does not follow a link put where one of its folders was", async () => {
    const elsewhere = join(root, "elsewhere");
    await mkdir(elsewhere);
    await writeFile(join(elsewhere, "keep.txt"), "keep");
    const written = new WrittenPaths();
    await written.mkdir(join(root, "copy"));
    await rm(join(root, "copy"), { recursive: true });
    await symlink(elsewhere, join(root, "copy"));
    expect(await written.removeAll()).toEqual([join(root, "copy")]);
    expect(await readdir(elsewhere)).toEqual(["keep.txt"]);
  });
});
