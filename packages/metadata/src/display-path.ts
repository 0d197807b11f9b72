import { relative, resolve } from "node:path";

/** A path relative to the current folder ("../.." for a sample), or absolute when that is shorter. */
export function shortPath(path: string): string {
  const fromHere = relative(process.cwd(), path) || ".";
  const absolute = resolve(path);
  return fromHere.length <= absolute.length ? fromHere : absolute;
}
