import { readdirSync, statSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";

const WILDCARD = /[*?[]/;
// Wildcards matched from a high folder could walk a whole disk; past this many, stop looking.
const MAX_MATCHES = 1000;

/**
 * The paths (relative to `context`, "/"-separated) a COPY or ADD source names, with Go
 * filepath.Match wildcards (`*`, `?`, `[…]`) in any segment, as BuildKit resolves them.
 * A source cannot leave the context: "../x" is read as "x".
 */
export function matchContext(context: string, source: string): string[] {
  const normal = posix.normalize(`/${source}`).slice(1);
  const segments = normal.split("/").filter((segment) => segment !== "" && segment !== ".");
  let matches = [""];
  for (const segment of segments) {
    const next: string[] = [];
    for (const base of matches) {
      if (!WILDCARD.test(segment)) {
        const candidate = base === "" ? segment : `${base}/${segment}`;
        if (exists(join(context, candidate))) next.push(candidate);
        continue;
      }
      const pattern = globToRegExp(segment);
      for (const name of listDir(join(context, base))) {
        if (pattern.test(name)) next.push(base === "" ? name : `${base}/${name}`);
        if (next.length > MAX_MATCHES) break;
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

function globToRegExp(segment: string): RegExp {
  let pattern = "";
  for (let i = 0; i < segment.length; i++) {
    const char = segment.charAt(i);
    if (char === "*") pattern += "[^/]*";
    else if (char === "?") pattern += "[^/]";
    else if (char === "\\" && i + 1 < segment.length) pattern += escapeRegExp(segment.charAt(++i));
    else if (char === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close === -1) pattern += "\\[";
      else {
        const body = segment.slice(i + 1, close).replace(/^\^/, "!");
        pattern += `[${body.startsWith("!") ? "^" : ""}${body.replace(/^!/, "").replace(/[\\\]]/g, "\\$&")}]`;
        i = close;
      }
    } else pattern += escapeRegExp(char);
  }
  return new RegExp(`^${pattern}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export interface DetectedContext {
  context: string;
  /** Sources not found in that context. */
  missing: string[];
}

/**
 * The build context for a Dockerfile in `dir`: the nearest of `dir` and its ancestors in which
 * every local COPY/ADD source exists (samples build from the repository root), else the one
 * where most exist, nearest first. The search stops at a repository root (a folder with .git).
 */
export function detectContext(dir: string, sources: readonly string[]): DetectedContext {
  let best: DetectedContext | undefined;
  for (let candidate = resolve(dir); ; candidate = dirname(candidate)) {
    const missing = sources.filter((source) => matchContext(candidate, source).length === 0);
    if (best === undefined || missing.length < best.missing.length) best = { context: candidate, missing };
    if (missing.length === 0 || dirname(candidate) === candidate || exists(join(candidate, ".git"))) break;
  }
  return best;
}
