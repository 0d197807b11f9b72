import { lstat, mkdir, readdir, readlink, rm, stat, symlink, unlink } from "node:fs/promises";
import { join, posix } from "node:path";
import type { ImageLayout } from "./dockerfile-layout.ts";

/**
 * A folder that looks like the image's filesystem: each file the Dockerfile copies is a symlink
 * at its image path, pointing at its source on this machine, inside real folders that belong to
 * the host. Commands then run there as they would in the container (`./hello.sh` from WORKDIR
 * `/`), without a build.
 *
 * Nothing is ever created, removed or replaced through a symlink: a later copy into a folder an
 * earlier copy linked first turns that link into a real folder of links, so the extension's
 * source is never written, however its copies overlap.
 */
export async function buildVirtualRoot(root: string, layout: ImageLayout): Promise<void> {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  // Shorter paths first (stable, so equal lengths keep Dockerfile order): a deeper copy lands inside a folder an earlier one made.
  // Only what has a machine path: what a build alone makes is not in the folder.
  const entries = layout.entries
    .flatMap((entry, index) => (entry.hostPath === undefined ? [] : [{ ...entry, hostPath: entry.hostPath, index }]))
    .sort((a, b) => a.imagePath.length - b.imagePath.length || a.index - b.index);
  for (const entry of entries) await place(root, entry.imagePath, entry.hostPath);
  await realFolder(root, layout.workdir);
}

/** Makes every folder on the way to `imagePath` a real folder of the root's own; returns the machine path. */
async function realFolder(root: string, imagePath: string): Promise<string> {
  let current = root;
  for (const name of posix
    .normalize(imagePath)
    .split("/")
    .filter((part) => part !== "")) {
    current = join(current, name);
    const info = await lstat(current).catch(() => undefined);
    if (info === undefined) await mkdir(current);
    else if (info.isSymbolicLink()) await explode(current);
    else if (!info.isDirectory()) throw new Error(`virtual root: ${current} is neither a folder nor a link`);
  }
  return current;
}

/** Replaces a link to a folder by a real folder holding a link per entry of that folder (a link to a file: an empty folder). */
async function explode(link: string): Promise<void> {
  const target = await readlink(link);
  const isFolder = (await stat(target).catch(() => undefined))?.isDirectory() === true;
  await unlink(link);
  await mkdir(link);
  if (!isFolder) return;
  for (const name of await readdir(target)) await symlink(join(target, name), join(link, name));
}

/** COPY semantics: a folder's contents merge into what is there; a file replaces it (a later layer wins). */
async function place(root: string, imagePath: string, hostPath: string): Promise<void> {
  const source = await stat(hostPath).catch(() => undefined);
  const normal = posix.normalize(imagePath);
  if (source?.isDirectory() === true) {
    const here = join(root, normal);
    const existing = await lstat(here).catch(() => undefined);
    if (normal !== "/" && existing === undefined) {
      await realFolder(root, posix.dirname(normal));
      await symlink(hostPath, here);
      return;
    }
    if (existing !== undefined && !existing.isDirectory() && !(await isLinkToFolder(here))) await unlink(here);
    await realFolder(root, normal);
    for (const name of await readdir(hostPath)) await place(root, posix.join(normal, name), join(hostPath, name));
    return;
  }
  if (normal === "/") return;
  const parent = await realFolder(root, posix.dirname(normal));
  const here = join(parent, posix.basename(normal));
  const existing = await lstat(here).catch(() => undefined);
  // Only the root's own entries are removed: a link (unlinked, never followed) or a folder the root made.
  if (existing?.isSymbolicLink() === true) await unlink(here);
  else if (existing?.isDirectory() === true) await rm(here, { recursive: true });
  await symlink(hostPath, here);
}

async function isLinkToFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

/** A path as the container would see it, made into a path on this machine inside the virtual root. */
export function inVirtualRoot(root: string, imagePath: string): string {
  return join(root, posix.normalize(`/${imagePath}`));
}
