import { readdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { RouteError } from "@dext/backend";
import { DesktopHostError } from "./errors.ts";
import type { FolderListing } from "../protocol/index.ts";

/** Enough for any folder a person browses; a bigger one is cut, and the dialog says so. */
const maxEntries = 5_000;

async function kindOf(path: string): Promise<"file" | "folder" | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory() === true) return "folder";
  return info?.isFile() === true ? "file" : undefined;
}

/**
 * What the dashboard's open dialog shows for `path` (default: the home folder): a folder's
 * entries, read only, links followed as a native dialog follows them; a file's folder with the
 * file selected; for a path that is not there, the nearest folder above it, as a start. Only the
 * dashboard may ask (its secret); an extension gets only the paths the person picks.
 */
export async function listFolder(path: string | undefined): Promise<FolderListing> {
  if (path !== undefined && !isAbsolute(path))
    throw new RouteError("invalid_input", `path ${JSON.stringify(path)} must be absolute`);
  let folder = resolve(path ?? homedir());
  let selected: string | undefined;
  let kind = await kindOf(folder);
  if (kind === "file") {
    selected = folder;
    folder = dirname(folder);
    kind = "folder";
  }
  while (kind !== "folder" && dirname(folder) !== folder) {
    folder = dirname(folder);
    kind = await kindOf(folder);
  }
  const names = (
    await readdir(folder).catch((cause: unknown) => {
      throw new DesktopHostError(
        "file_unreadable",
        `Cannot read ${folder}: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    })
  ).sort((a, b) => a.localeCompare(b));
  const entries: FolderListing["entries"] = [];
  for (const name of names.slice(0, maxEntries)) {
    const entryPath = join(folder, name);
    const entryKind = await kindOf(entryPath);
    // Sockets, devices, broken links: nothing a dialog opens.
    if (entryKind !== undefined) entries.push({ name, path: entryPath, kind: entryKind });
  }
  entries.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "folder" ? -1 : 1));
  return {
    path: folder,
    parent: dirname(folder) === folder ? undefined : dirname(folder),
    entries,
    selected,
    truncated: names.length > maxEntries,
  };
}
