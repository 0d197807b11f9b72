import { realpath, stat } from "node:fs/promises";
import { posix, sep } from "node:path";

/** True when `path` is `root` or inside it; both absolute and normalised. */
export function isWithin(path: string, root: string): boolean {
  if (path === root) return true;
  return path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/**
 * The real path of `path` when it stays inside the real path of `root`, else undefined. A
 * symlink in an extension that points elsewhere on this machine (`ui/x -> /etc`) is a symlink
 * in the image too, pointing into the container, never at the host's files: it is not followed.
 */
export async function realPathWithin(path: string, root: string): Promise<string | undefined> {
  const [real, realRoot] = await Promise.all([
    realpath(path).catch(() => undefined),
    realpath(root).catch(() => undefined),
  ]);
  if (real === undefined || realRoot === undefined) return undefined;
  return isWithin(real, realRoot) ? real : undefined;
}

/** True for a regular file (not a FIFO, a device or a folder). */
export async function isRegularFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

export class ImagePathError extends Error {
  override readonly name = "ImagePathError";
  readonly code = "image_path_invalid";
}

/**
 * An image path from metadata.json (`ui` root, `icon`, `host.binaries[].path`, `vm.composefile`),
 * made absolute as Desktop reads it (relative to `/`). A `..` segment is refused rather than
 * clamped at `/`, so a typo or a hostile path gets an error that names it instead of another file.
 */
export function imagePathFromMetadata(value: string, field: string): string {
  if (value.includes("\0")) throw new ImagePathError(`${field}: "${value}" contains a NUL byte`);
  if (value.split(/[\\/]/).includes("..")) throw new ImagePathError(`${field}: "${value}" leaves the image root (..)`);
  return posix.resolve("/", value);
}
