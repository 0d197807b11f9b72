import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PackageTarballError, tarballName, writePackageTarball } from "./package-tarball.ts";

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-tgz-"));
  out = await mkdtemp(join(tmpdir(), "dext-tgz-out-"));
  await mkdir(join(dir, "dist", "server"), { recursive: true });
  await mkdir(join(dir, "bin"));
  await writeFile(join(dir, "package.json"), '{"name":"@dext/x","version":"1.2.3"}\n');
  await writeFile(join(dir, "dist", "index.js"), "export const x = 1;\n");
  await writeFile(join(dir, "dist", "server", "empty.js"), "");
  await writeFile(join(dir, "dist", "ünïcode.d.ts"), "export {};\n");
  await writeFile(join(dir, "bin", "x.js"), "#!/usr/bin/env node\n");
  await chmod(join(dir, "bin", "x.js"), 0o775);
  await chmod(join(dir, "dist", "index.js"), 0o600);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

/** `tar -tvzf`'s listing: mode, owner, size, date and name of each entry, as GNU tar reads them. */
function listing(file: string): string[] {
  return execFileSync("tar", ["-tvzf", file, "--numeric-owner", "--utc"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.replace(/\s+/g, " "));
}

describe("writePackageTarball", () => {
  it("writes every file under package/, in name order, with npm's date, owner 0 and modes less group and other write", async () => {
    await writePackageTarball(dir, join(out, "x.tgz"));
    expect(listing(join(out, "x.tgz"))).toEqual([
      "-rwxr-xr-x 0/0 20 1985-10-26 08:15 package/bin/x.js",
      "-rw------- 0/0 20 1985-10-26 08:15 package/dist/index.js",
      "-rw-r--r-- 0/0 0 1985-10-26 08:15 package/dist/server/empty.js",
      "-rw-r--r-- 0/0 11 1985-10-26 08:15 package/dist/ünïcode.d.ts",
      "-rw-r--r-- 0/0 37 1985-10-26 08:15 package/package.json",
    ]);
    const extracted = await mkdtemp(join(tmpdir(), "dext-tgz-x-"));
    try {
      execFileSync("tar", ["-xzf", join(out, "x.tgz"), "-C", extracted]);
      for (const file of ["package.json", "dist/index.js", "bin/x.js", "dist/ünïcode.d.ts"])
        expect(await readFile(join(extracted, "package", file), "utf8")).toBe(await readFile(join(dir, file), "utf8"));
    } finally {
      await rm(extracted, { recursive: true, force: true });
    }
  });

  it("holds what the tarball npm pack makes of the same folder holds: names, sizes, modes, dates", async () => {
    await writePackageTarball(dir, join(out, "ours.tgz"));
    const npm = execFileSync("npm", ["pack", "--silent", "--pack-destination", out], { cwd: dir, encoding: "utf8" });
    // npm's order is its own (package.json among the rest); an install does not depend on it.
    expect(listing(join(out, "ours.tgz")).sort()).toEqual(listing(join(out, npm.trim())).sort());
  });

  it("gives the same bytes for the same files, whenever they were written", async () => {
    await writePackageTarball(dir, join(out, "a.tgz"));
    await writeFile(join(dir, "dist", "index.js"), "export const x = 1;\n");
    await writePackageTarball(dir, join(out, "b.tgz"));
    expect(await readFile(join(out, "b.tgz"))).toEqual(await readFile(join(out, "a.tgz")));
  });

  it("names a path over 100 bytes with ustar's prefix field, as tar reads it back", async () => {
    const deep = join("dist", "a".repeat(60), "b".repeat(60));
    await mkdir(join(dir, deep), { recursive: true });
    await writeFile(join(dir, deep, "c.js"), "1");
    await writePackageTarball(dir, join(out, "x.tgz"));
    expect(listing(join(out, "x.tgz"))).toContain(`-rw-r--r-- 0/0 1 1985-10-26 08:15 package/${deep}/c.js`);
    // The name field alone could not hold it: the split is real, not a truncation tar forgave.
    const tar = gunzipSync(await readFile(join(out, "x.tgz")));
    const names = [];
    for (let at = 0; tar[at] !== 0;) {
      names.push(
        tar
          .subarray(at, at + 100)
          .toString("utf8")
          .replace(/\0.*$/s, ""),
      );
      const size = parseInt(tar.subarray(at + 124, at + 136).toString("ascii"), 8);
      at += 512 + Math.ceil(size / 512) * 512;
    }
    expect(names).toContain(`${"b".repeat(60)}/c.js`);
  });

  it("refuses a symbolic link or a path too long for ustar, naming it, and writes nothing", async () => {
    await symlink("/etc/passwd", join(dir, "dist", "link.js"));
    const refused = writePackageTarball(dir, join(out, "x.tgz"));
    await expect(refused).rejects.toThrow(PackageTarballError);
    await expect(refused).rejects.toThrow("dist/link.js: not a regular file or folder, so not packed");
    await rm(join(dir, "dist", "link.js"));
    await mkdir(join(dir, "c".repeat(200)));
    await writeFile(join(dir, "c".repeat(200), "d".repeat(101)), "");
    await expect(writePackageTarball(dir, join(out, "x.tgz"))).rejects.toMatchObject({ code: "UNPACKABLE_FILE" });
    await expect(readFile(join(out, "x.tgz"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("tarballName", () => {
  it("is npm's name for a scoped or plain package's tarball", () => {
    expect(tarballName("@dext/backend", "0.1.0")).toBe("dext-backend-0.1.0.tgz");
    expect(tarballName("left-pad", "1.3.0")).toBe("left-pad-1.3.0.tgz");
  });
});
