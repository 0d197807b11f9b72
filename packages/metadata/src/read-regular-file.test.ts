import { execFileSync } from "node:child_process";
import { mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileRefusedError } from "./errors.ts";
import { readRegularFile, readRegularText } from "./read-regular-file.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-regular-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(path: string, max = 1024): Promise<FileRefusedError> {
  const thrown: unknown = await readRegularFile(path, max).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(FileRefusedError);
  return thrown as FileRefusedError;
}

describe("readRegularFile", () => {
  it("reads a regular file, through a symlink too, with its permission bits", async () => {
    await writeFile(join(dir, "a.json"), "{}", { mode: 0o640 });
    await symlink(join(dir, "a.json"), join(dir, "link.json"));
    expect(await readRegularText(join(dir, "link.json"), 2)).toBe("{}");
    expect((await readRegularFile(join(dir, "a.json"), 2)).mode).toBe(0o640);
  });

  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    execFileSync("mkfifo", [join(dir, "metadata.json")]);
    const error = await refusal(join(dir, "metadata.json"));
    expect(error).toMatchObject({ code: "not_a_regular_file", kind: "a FIFO (named pipe)" });
    expect(error.message).toMatch(/not a regular file/);
  });

  it.each(["/dev/zero", "/dev/null", "/dev/urandom"])(
    "refuses a symlink to %s as a character device, reading nothing",
    async (device) => {
      await symlink(device, join(dir, "Dockerfile"));
      expect(await refusal(join(dir, "Dockerfile"))).toMatchObject({
        code: "not_a_regular_file",
        kind: "a character device",
      });
    },
  );

  it("refuses a folder, naming it", async () => {
    expect(await refusal(dir)).toMatchObject({ kind: "a directory" });
  });

  it("reads a file of exactly the cap and refuses one byte more, without reading a sparse giant", async () => {
    await writeFile(join(dir, "cap"), "x".repeat(1024));
    expect((await readRegularFile(join(dir, "cap"), 1024)).bytes.length).toBe(1024);
    await writeFile(join(dir, "giant"), "");
    await truncate(join(dir, "giant"), 1024 ** 3);
    expect(await refusal(join(dir, "giant"))).toMatchObject({ code: "file_too_large" });
    expect((await refusal(join(dir, "giant"))).message).toMatch(/larger than 1 KiB/);
  });

  it("stops at the cap when the stated size is wrong, as for /proc files", async () => {
    // /proc/self/environ says it is 0 bytes long; a cap of one byte must still apply.
    expect(await refusal("/proc/self/environ", 1)).toMatchObject({ code: "file_too_large" });
  });

  it("passes a missing file's ENOENT through for the caller to explain", async () => {
    await expect(readRegularFile(join(dir, "nope"), 10)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
