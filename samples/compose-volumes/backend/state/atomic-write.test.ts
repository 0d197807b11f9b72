import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../testing/temp-dir.ts";
import { removeTempFiles, writeFileAtomic } from "./atomic-write.ts";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir("atomic");
});
afterEach(() => dir.remove());

describe("writeFileAtomic", () => {
  it("creates the file, then replaces it whole, leaving no temporary file behind", async () => {
    const path = join(dir.path, "state.json");
    await writeFileAtomic(path, "first");
    await writeFileAtomic(path, "second, longer than the first");
    expect(await readFile(path, "utf8")).toBe("second, longer than the first");
    expect(await readdir(dir.path)).toEqual(["state.json"]);
  });

  it("cleans up its temporary file and leaves other files alone when the rename fails", async () => {
    const path = join(dir.path, "state.json");
    await writeFileAtomic(path, "old");
    // A folder where the file should go: the temp file is written, then the rename fails (EISDIR).
    const blocked = join(dir.path, "blocked");
    await mkdir(blocked);
    await expect(writeFileAtomic(blocked, "new")).rejects.toMatchObject({ code: "EISDIR" });
    expect(await readFile(path, "utf8")).toBe("old");
    expect((await readdir(dir.path)).sort()).toEqual(["blocked", "state.json"]);
  });

  it("removes only its own temporary files left by a killed writer", async () => {
    const path = join(dir.path, "state.json");
    await writeFile(join(dir.path, ".state.json.123.4.tmp"), "half");
    await writeFile(join(dir.path, ".other.json.1.1.tmp"), "not ours");
    await writeFile(path, "kept");
    expect(await removeTempFiles(path)).toEqual([".state.json.123.4.tmp"]);
    expect((await readdir(dir.path)).sort()).toEqual([".other.json.1.1.tmp", "state.json"]);
  });
});
