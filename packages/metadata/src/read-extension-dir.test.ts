import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MetadataReadError } from "./errors.ts";
import { MAX_JSON_DEPTH, MAX_METADATA_BYTES } from "./input-limits.ts";
import { readExtensionDir } from "./read-extension-dir.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-read-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readError(path: string): Promise<MetadataReadError> {
  const thrown: unknown = await readExtensionDir(path).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(MetadataReadError);
  return thrown as MetadataReadError;
}

describe("readExtensionDir", () => {
  it("returns the parsed metadata.json with its path", async () => {
    await writeFile(join(dir, "metadata.json"), '{"icon": "docker.svg"}');
    expect(await readExtensionDir(dir)).toEqual({
      dir,
      metadataPath: join(dir, "metadata.json"),
      metadata: { icon: "docker.svg" },
    });
  });

  it("fails with dir_not_found for a missing folder, keeping the fs error as cause", async () => {
    const error = await readError(join(dir, "nope"));
    expect(error).toMatchObject({ code: "dir_not_found", name: "MetadataReadError", path: join(dir, "nope") });
    expect(error.message).toMatch(/does not exist/);
    expect(error.cause).toMatchObject({ code: "ENOENT" });
  });

  it("fails with not_a_directory when given a file", async () => {
    const file = join(dir, "metadata.json");
    await writeFile(file, "{}");
    expect(await readError(file)).toMatchObject({ code: "not_a_directory" });
  });

  it("fails with metadata_missing when the folder has no metadata.json", async () => {
    const error = await readError(dir);
    expect(error).toMatchObject({ code: "metadata_missing", path: join(dir, "metadata.json") });
    expect(error.message).toMatch(/has no metadata\.json/);
  });

  it("fails with metadata_unreadable when metadata.json cannot be read as a file", async () => {
    await mkdir(join(dir, "metadata.json"));
    expect(await readError(dir)).toMatchObject({ code: "metadata_unreadable" });
  });

  it("fails with invalid_json and the line and column where parsing stopped", async () => {
    await writeFile(join(dir, "metadata.json"), '{\n  "icon": "docker.svg",\n}\n');
    const error = await readError(dir);
    expect(error).toMatchObject({ code: "invalid_json", position: { line: 3, column: 1 } });
    expect(error.message).toMatch(/line 3, column 1/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("locates errors V8 reports without a position, at the word JSON does not know", async () => {
    await writeFile(join(dir, "metadata.json"), '{\n  "vm": {"image": tru}\n}');
    const error = await readError(dir);
    expect(error.position).toMatchObject({ line: 2, column: 19 });
    expect(error.message).toMatch(/line 2, column 19: unexpected 'tru'/);
  });

  it("explains a byte-order mark, which JSON.parse refuses", async () => {
    await writeFile(join(dir, "metadata.json"), "\uFEFF{}");
    const error = await readError(dir);
    expect(error).toMatchObject({ code: "invalid_json", position: { line: 1, column: 1 } });
    expect(error.message).toMatch(/byte-order mark/);
  });
});

describe("readExtensionDir on hostile files", () => {
  it("refuses a FIFO metadata.json at once with metadata_unreadable, naming what it is", async () => {
    execFileSync("mkfifo", [join(dir, "metadata.json")]);
    const error = await readError(dir);
    expect(error).toMatchObject({ code: "metadata_unreadable" });
    expect(error.message).toMatch(/is a FIFO \(named pipe\), not a regular file/);
  });

  it("refuses a metadata.json linked to /dev/zero instead of reading it without end", async () => {
    await symlink("/dev/zero", join(dir, "metadata.json"));
    expect((await readError(dir)).message).toMatch(/character device/);
  });

  it("refuses a metadata.json over MAX_METADATA_BYTES with metadata_too_large", async () => {
    await writeFile(join(dir, "metadata.json"), `{"a":"${"x".repeat(MAX_METADATA_BYTES)}"}`);
    const error = await readError(dir);
    expect(error.code).toBe("metadata_too_large");
    expect(error.message).toMatch(/larger than 1 MiB/);
  });

  it("refuses JSON nested past MAX_JSON_DEPTH with metadata_too_deep at the bracket that goes too far", async () => {
    await writeFile(join(dir, "metadata.json"), `{\n "x": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect(await readError(dir)).toMatchObject({
      code: "metadata_too_deep",
      position: { line: 2, column: 7 + MAX_JSON_DEPTH - 1 },
    });
  });
});
