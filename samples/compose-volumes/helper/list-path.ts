import { lstat, open, readdir, readlink } from "node:fs/promises";
import { join } from "node:path";
import { maxListedEntries, maxPreviewBytes } from "../shared/limits.ts";
import { Refusal } from "./refusal.ts";
import { resolveInside } from "./resolve-inside.ts";
import type { Stats } from "node:fs";
import type { Entry, Listing } from "../shared/listing.ts";

function kindOf(stats: Stats): Entry["kind"] {
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "directory";
  if (stats.isSymbolicLink()) return "symlink";
  return "other";
}

async function entryFor(directory: string, name: string): Promise<Entry> {
  const path = join(directory, name);
  const stats = await lstat(path);
  const kind = kindOf(stats);
  const entry: Entry = { name, kind, bytes: kind === "file" ? stats.size : 0, modifiedAt: stats.mtime.toISOString() };
  if (kind === "symlink") entry.target = await readlink(path);
  return entry;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The bytes as text, or null for binary content. A cut at the preview's end may split a
 * multi-byte character, so up to three trailing bytes may be dropped before giving up.
 */
export function textPreview(bytes: Uint8Array, cut: boolean): string | null {
  if (bytes.includes(0)) return null;
  for (let drop = 0; drop <= (cut ? 3 : 0); drop++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - drop));
    } catch {
      // Not valid UTF-8 at this length; a shorter cut may be.
    }
  }
  return null;
}

async function readPreview(path: string, size: number): Promise<{ preview: string | null; previewTruncated: boolean }> {
  const length = Math.min(size, maxPreviewBytes);
  const buffer = new Uint8Array(length);
  const handle = await open(path, "r");
  try {
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    const cut = size > bytesRead;
    return { preview: textPreview(buffer.subarray(0, bytesRead), cut), previewTruncated: cut };
  } finally {
    await handle.close();
  }
}

/** Lists a directory of the volume, or describes a file with the start of its content. */
export async function listPath(root: string, path: string): Promise<Listing> {
  const { relative, real } = await resolveInside(root, path);
  const stats = await lstat(real);
  if (stats.isDirectory()) {
    const dirents = await readdir(real, { withFileTypes: true });
    // Directories first, then by name in code-point order: stable whatever the locale.
    dirents.sort(
      (a, b) => Number(b.isDirectory()) - Number(a.isDirectory()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    const shown = dirents.slice(0, maxListedEntries);
    const entries = await Promise.all(shown.map((dirent) => entryFor(real, dirent.name)));
    return { kind: "directory", path: relative, entries, omitted: dirents.length - shown.length };
  }
  // Opening a FIFO or a device would block or touch hardware: only regular files are read.
  if (!stats.isFile()) throw new Refusal("unreadable", `/${relative} is neither a regular file nor a directory`);
  return {
    kind: "file",
    path: relative,
    bytes: stats.size,
    modifiedAt: stats.mtime.toISOString(),
    ...(await readPreview(real, stats.size)),
  };
}
