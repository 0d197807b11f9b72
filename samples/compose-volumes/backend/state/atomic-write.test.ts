import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import { removeTempFiles, writeFileAtomic } from "./atomic-write.ts";

let dir: SocketDir;
beforeEach(async () => {
  dir = await makeSocketDir();
});
afterEach(() => dir.remove());

describe("writeFileAtomic", () => {
  it("creates the file, then replaces it whole, leaving no temporary file behind", async () => {
    const path = join(dir.dir, "state.json");
    await writeFileAtomic(path, "first");
    await writeFileAtomic(path, "second, longer than the first");
    expect(await readFile(path, "utf8")).toBe("second, longer than the first");
    expect(await readdir(dir.dir)).toEqual(["state.json"]);
  });

  it("cleans up its temporary file and leaves other files alone when the rename fails", async () => {
    const path = join(dir.dir, "state.json");
    await writeFileAtomic(path, "old");
    // A folder where the file should go: the temp file is written, then the rename fails (EISDIR).
    const blocked = join(dir.dir, "blocked");
    await mkdir(blocked);
    await expect(writeFileAtomic(blocked, "new")).rejects.toMatchObject({ code: "EISDIR" });
    expect(await readFile(path, "utf8")).toBe("old");
    expect((await readdir(dir.dir)).sort()).toEqual(["blocked", "state.json"]);
  });

  it("removes only its own temporary files left by a killed writer", async () => {
    const path = join(dir.dir, "state.json");
    await writeFile(join(dir.dir, ".state.json.123.4.tmp"), "half");
    await writeFile(join(dir.dir, ".other.json.1.1.tmp"), "not ours");
    await writeFile(path, "kept");
    expect(await removeTempFiles(path)).toEqual([".state.json.123.4.tmp"]);
    expect((await readdir(dir.dir)).sort()).toEqual([".other.json.1.1.tmp", "state.json"]);
  });
});
