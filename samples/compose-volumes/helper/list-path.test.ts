import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxListedEntries, maxPreviewBytes } from "../shared/limits.ts";
import { listPath, textPreview } from "./list-path.ts";
import { Refusal } from "./refusal.ts";
import { summarize } from "./summarize.ts";

// A volume's content on this machine's disk; the helper reads it the same way inside its container.
let root = "";
let outside = "";

beforeAll(async () => {
  root = await mkdtemp("/tmp/dext-cv-helper-");
  outside = await mkdtemp("/tmp/dext-cv-outside-");
  await writeFile(join(outside, "secret.txt"), "not yours");
  await mkdir(join(root, "app/logs"), { recursive: true });
  await writeFile(join(root, "app/logs/today.log"), "line 1\nline 2\n");
  await writeFile(join(root, "app/data.bin"), Buffer.from([0, 1, 2, 3]));
  await writeFile(join(root, "big.txt"), "é".repeat(maxPreviewBytes));
  await writeFile(join(root, "Zeta.txt"), "z");
  await symlink("app/logs", join(root, "logs-link"));
  await symlink("/etc", join(root, "etc-link"));
  await symlink(join(outside, "secret.txt"), join(root, "secret-link"));
  await symlink("../../..", join(root, "app/up-link"));
  execFileSync("mkfifo", [join(root, "pipe")]);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function refusal(path: string): Promise<{ code: string; message: string }> {
  const error = await listPath(root, path).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Refusal)) throw new Error(`expected a refusal for ${path}, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe("the helper's listing", () => {
  it("lists the root with directories first, then names in code-point order, and link targets", async () => {
    const listing = await listPath(root, "");
    expect(listing.kind).toBe("directory");
    if (listing.kind !== "directory") return;
    expect(listing.entries.map((entry) => [entry.name, entry.kind])).toEqual([
      ["app", "directory"],
      ["Zeta.txt", "file"],
      ["big.txt", "file"],
      ["etc-link", "symlink"],
      ["logs-link", "symlink"],
      ["pipe", "other"],
      ["secret-link", "symlink"],
    ]);
    expect(listing.entries.find((entry) => entry.name === "logs-link")?.target).toBe("app/logs");
    expect(listing.omitted).toBe(0);
  });

  it("follows a link that stays inside the volume", async () => {
    const listing = await listPath(root, "logs-link");
    expect(listing).toMatchObject({
      kind: "directory",
      path: "logs-link",
      entries: [{ name: "today.log", kind: "file", bytes: 14 }],
    });
  });

  it("shows a text file's content and marks a binary one as such", async () => {
    expect(await listPath(root, "./app//logs/today.log")).toMatchObject({
      kind: "file",
      path: "app/logs/today.log",
      bytes: 14,
      preview: "line 1\nline 2\n",
      previewTruncated: false,
    });
    expect(await listPath(root, "app/data.bin")).toMatchObject({ kind: "file", preview: null });
  });

  it("cuts a long preview at a character boundary, not inside a multi-byte character", async () => {
    const listing = await listPath(root, "big.txt");
    if (listing.kind !== "file") throw new Error("expected a file");
    expect(listing.previewTruncated).toBe(true);
    expect(listing.preview).toBe("é".repeat(maxPreviewBytes / 2));
  });

  it.each([
    ["an absolute link", "etc-link"],
    ["a link to a file elsewhere", "secret-link"],
    ["a relative link climbing out", "app/up-link"],
  ])("refuses %s that leads outside the volume", async (_label, path) => {
    expect(await refusal(path)).toEqual({
      code: "outside_volume",
      message: `/${path} is a symbolic link that leads outside the volume; it is not followed`,
    });
  });

  it.each([
    ["..", "../etc/passwd"],
    ["absolute", "/etc/passwd"],
    ["NUL", "app\0x"],
  ])("refuses a %s path even if the backend let it through", async (_label, path) => {
    expect((await refusal(path)).code).toBe("invalid_path");
  });

  it("says plainly that nothing is there", async () => {
    expect(await refusal("app/missing")).toEqual({
      code: "not_found",
      message: "Nothing at /app/missing in this volume",
    });
    expect(await refusal("Zeta.txt/below")).toMatchObject({ code: "not_found" });
  });

  it("never opens a FIFO, which would block the helper", async () => {
    expect(await refusal("pipe")).toEqual({
      code: "unreadable",
      message: "/pipe is neither a regular file nor a directory",
    });
  });

  it("lists at most the limit of entries and counts the rest", async () => {
    const crowded = join(root, "crowded");
    await mkdir(crowded);
    await Promise.all(
      Array.from({ length: maxListedEntries + 3 }, (_, index) => writeFile(join(crowded, `f${index}`), "")),
    );
    const listing = await listPath(root, "crowded");
    expect(listing).toMatchObject({ kind: "directory", omitted: 3 });
    await rm(crowded, { recursive: true });
  });
});

describe("the helper's summary", () => {
  it("counts files and folders, adds up sizes and names the largest files, without following links", async () => {
    const summary = await summarize(root);
    expect(summary).toMatchObject({ directories: 2, complete: true });
    // today.log, data.bin, big.txt, Zeta.txt, three links at the root, up-link, the FIFO.
    expect(summary.files).toBe(9);
    expect(summary.bytes).toBe(14 + 4 + 2 * maxPreviewBytes + 1);
    expect(summary.largest.map((file) => file.path)).toEqual([
      "big.txt",
      "app/logs/today.log",
      "app/data.bin",
      "Zeta.txt",
    ]);
  });

  it("stops at its entry limit and says the counts are incomplete", async () => {
    const summary = await summarize(root, { maxEntries: 2, maxMs: 10_000 });
    expect(summary.complete).toBe(false);
  });

  it("reads text previews as UTF-8 only", () => {
    expect(textPreview(new TextEncoder().encode("plain"), false)).toBe("plain");
    expect(textPreview(new Uint8Array([0xff, 0xfe]), false)).toBeNull();
    expect(textPreview(new Uint8Array([0x61, 0xc3]), true)).toBe("a");
  });
});
