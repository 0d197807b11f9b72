/**
 * Paths inside a volume, as the UI sends them and the helper container resolves them: relative to
 * the volume's root, `/`-separated, `""` for the root itself. Checked on the backend (a 400 naming
 * the problem) and again in the helper container, so a bug in one is not enough to escape.
 * No zod and no Node here: the helper bundles this file alone.
 */

/** Longest path accepted, in UTF-8 bytes (Linux allows 4096 including the mount point). */
export const maxVolumePathBytes = 1024;

/** Longest file name on Linux file systems, in UTF-8 bytes. */
const maxNameBytes = 255;

const encoder = new TextEncoder();

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Why `path` cannot name something inside a volume, or `undefined` when it can. */
export function volumePathProblem(path: string): string | undefined {
  if (path.includes("\0")) return "must not contain NUL bytes";
  if (byteLength(path) > maxVolumePathBytes) return `must be at most ${maxVolumePathBytes} bytes`;
  if (path.startsWith("/")) return "must be relative to the volume's root, without a leading /";
  const segments = path.split("/");
  if (segments.includes("..")) return "must not contain .. segments";
  if (segments.some((segment) => byteLength(segment) > maxNameBytes))
    return `must not have a name longer than ${maxNameBytes} bytes`;
  return undefined;
}

/** Drops empty and `.` segments: `a//b/./c/` → `a/b/c`, `.` → `""`. Call on checked paths only. */
export function normalizeVolumePath(path: string): string {
  return path
    .split("/")
    .filter((segment) => segment !== "" && segment !== ".")
    .join("/");
}

/** The path one level up; the root's parent is the root. */
export function parentVolumePath(path: string): string {
  const segments = normalizeVolumePath(path).split("/");
  return segments.slice(0, -1).join("/");
}

/** `parent/name`, or `name` at the root. */
export function childVolumePath(parent: string, name: string): string {
  const base = normalizeVolumePath(parent);
  return base === "" ? name : `${base}/${name}`;
}

/**
 * Docker's own rule for volume names (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`); anonymous volumes have 64 hex
 * digits, which fit it. The limit of 255 keeps names usable as file names on the engine's disk.
 */
export const volumeNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,254}$/;
