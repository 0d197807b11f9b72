import { readdirSync, statSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { globMatcher } from "./glob-match.ts";
import { MAX_CONTEXT_LEVELS } from "./input-limits.ts";

const WILDCARD = /[*?[]/;
// Wildcards matched from a high folder could walk a whole disk; past this many, stop looking.
const MAX_MATCHES = 1000;

/**
 * The paths (relative to `context`, "/"-separated) a COPY or ADD source names, with Go
 * filepath.Match wildcards (`*`, `?`, `[…]`) in any segment, as BuildKit resolves them.
 * A source cannot leave the context: "../x" is read as "x".
 */
export function matchContext(context: string, source: string): string[] {
  return matchSegments(context, source, MAX_MATCHES);
}

/**
 * Whether `source` names anything in `context`: matchContext's answer to "is the list empty", which
 * stops at the first path of the last segment instead of listing every folder before it.
 */
export function contextHas(context: string, source: string): boolean {
  return matchSegments(context, source, 1).length > 0;
}

/** matchContext, ending the last segment once `lastLimit` paths match it. */
function matchSegments(context: string, source: string, lastLimit: number): string[] {
  const normal = posix.normalize(`/${source}`).slice(1);
  const segments = normal.split("/").filter((segment) => segment !== "" && segment !== ".");
  let matches = [""];
  for (const [index, segment] of segments.entries()) {
    const next: string[] = [];
    const limit = index === segments.length - 1 ? lastLimit : MAX_MATCHES;
    for (const base of matches) {
      if (next.length >= limit) break;
      if (!WILDCARD.test(segment)) {
        const candidate = base === "" ? segment : `${base}/${segment}`;
        if (exists(join(context, candidate))) next.push(candidate);
        continue;
      }
      const matches = globMatcher(segment);
      for (const name of listDir(join(context, base))) {
        if (matches(name)) next.push(base === "" ? name : `${base}/${name}`);
        if (next.length >= limit) break;
      }
    }
    matches = next.slice(0, MAX_MATCHES);
    if (matches.length === 0) break;
  }
  return segments.length === 0 ? ["."] : matches;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function listDir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

export interface DetectedContext {
  context: string;
  /** Sources not found in that context. */
  missing: string[];
}

/**
 * The build context for a Dockerfile in `dir`: the nearest of `dir` and its ancestors in which
 * every local COPY/ADD source exists (samples build from the repository root), else the one
 * where most exist, nearest first. The search stops at a repository root (a folder with .git),
 * at `boundary` when given, at the root of the filesystem `dir` is on (it does not cross a
 * mount point, as git does not), and after MAX_CONTEXT_LEVELS folders. It climbs by path
 * (dirname), never through a symlink's target, so a symlink loop cannot make it revisit a folder.
 */
export function detectContext(dir: string, sources: readonly string[], boundary?: string): DetectedContext {
  const start = resolve(dir);
  const stop = boundary === undefined ? undefined : resolve(boundary);
  const device = deviceOf(start);
  let best: DetectedContext | undefined;
  let candidate = start;
  for (let level = 1; ; level++) {
    const missing = sources.filter((source) => !contextHas(candidate, source));
    if (best === undefined || missing.length < best.missing.length) best = { context: candidate, missing };
    const parent = dirname(candidate);
    const last = missing.length === 0 || parent === candidate || candidate === stop || level >= MAX_CONTEXT_LEVELS;
    if (last || exists(join(candidate, ".git")) || deviceOf(parent) !== device) break;
    candidate = parent;
  }
  return best;
}

function deviceOf(path: string): number | undefined {
  try {
    return statSync(path).dev;
  } catch {
    return undefined;
  }
}
