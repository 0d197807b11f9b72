import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES } from "./testing/fixture-cases.ts";
import { runCli } from "./testing/run-cli.ts";

let dir: string;
let elsewhere: string;
let original: Buffer;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-migrate-"));
  elsewhere = join(dir, "elsewhere.txt");
  await mkdir(join(dir, "ext"));
  await cp(join(FIXTURES, "seeds", "004-legacy-plugin", "metadata.json"), join(dir, "ext", "metadata.json"));
  await writeFile(elsewhere, "keep me\n");
  original = await readFile(join(dir, "ext", "metadata.json"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ext = (name = ""): string => join(dir, "ext", name);

describe("dext migrate --write on hostile folders", () => {
  it("ignores a symlink planted at the old predictable temporary name and leaves no temporary file", async () => {
    await symlink(elsewhere, ext("metadata.json.dext-migrate"));
    expect((await runCli(["migrate", ext(), "--write"])).code).toBe(0);
    expect(await readFile(elsewhere, "utf8")).toBe("keep me\n");
    expect((await readdir(ext())).filter((name) => name.endsWith(".dext-tmp"))).toEqual([]);
    expect((await readFile(ext("metadata.json.bak"))).equals(original)).toBe(true);
  });

  it("refuses a symlink planted at the backup name, writing nothing through it and leaving metadata.json as it was", async () => {
    await symlink(elsewhere, ext("metadata.json.bak"));
    const { code, stderr } = await runCli(["migrate", ext(), "--write"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/metadata\.json\.bak already exists/);
    expect(await readFile(elsewhere, "utf8")).toBe("keep me\n");
    expect((await readFile(ext("metadata.json"))).equals(original)).toBe(true);
    expect((await readdir(ext())).filter((name) => name.endsWith(".dext-tmp"))).toEqual([]);
  });

  it("replaces a metadata.json that is a symlink with a regular file, so the file it pointed at keeps its content", async () => {
    await cp(ext("metadata.json"), join(dir, "real.json"));
    await rm(ext("metadata.json"));
    await symlink(join(dir, "real.json"), ext("metadata.json"));
    expect((await runCli(["migrate", ext(), "--write"])).code).toBe(0);
    expect((await lstat(ext("metadata.json"))).isFile()).toBe(true);
    expect((await readFile(join(dir, "real.json"))).equals(original)).toBe(true);
    expect((await readFile(ext("metadata.json.bak"))).equals(original)).toBe(true);
  });

  it("exits 2 with a clear message for metadata.json nested past the limit, changing nothing", async () => {
    const deep = `{"name":"n","provider":"p","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    await writeFile(ext("metadata.json"), deep);
    const { code, stderr } = await runCli(["migrate", ext(), "--write"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/nests deeper than 1000 levels at line 1, column 1031/);
    expect(await readFile(ext("metadata.json"), "utf8")).toBe(deep);
    expect(await readdir(ext())).toEqual(["metadata.json"]);
  });

  it("exits 2 for a Dockerfile it may not read (a link to /dev/zero) before writing anything", async () => {
    await symlink("/dev/zero", ext("Dockerfile"));
    const { code, stderr } = await runCli(["migrate", ext(), "--write"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Dockerfile is a character device, not a regular file/);
    expect(await readlink(ext("Dockerfile"))).toBe("/dev/zero");
    expect((await readdir(ext())).sort()).toEqual(["Dockerfile", "metadata.json"]);
  });
});

describe("dext labels on a hostile Dockerfile", () => {
  it("exits 2 naming a FIFO Dockerfile instead of blocking on it", async () => {
    const { execFileSync } = await import("node:child_process");
    execFileSync("mkfifo", [ext("Dockerfile")]);
    const { code, stderr } = await runCli(["labels", ext()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Dockerfile is a FIFO \(named pipe\), not a regular file/);
  });
});
