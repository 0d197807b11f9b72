import { statSync } from "node:fs";
import { join, posix } from "node:path";

/** Build output and installs: named in docs, never in a fresh clone. */
const OUTPUT_SEGMENTS = new Set(["node_modules", "dist", ".turbo", ".cache", "coverage"]);
/** Placeholders (`<name>`, `…`), globs, braces, variables, image refs and code: not one path. */
const NOT_ONE_PATH = /[<>*?{}[\]$=:…"'(),\\|]|\.\.\./;

export type PathVerdict = "not-a-path" | "exists" | "missing";

function kindAt(root: string, path: string): "file" | "folder" | undefined {
  try {
    return statSync(join(root, path)).isDirectory() ? "folder" : "file";
  } catch {
    return undefined;
  }
}

/** `word` without the punctuation prose puts around it, or undefined when it cannot be one repository path. */
function pathWord(word: string): string | undefined {
  const trimmed = word.replace(/[.,;:]+$/, "");
  if (!trimmed.includes("/") || NOT_ONE_PATH.test(trimmed)) return undefined;
  // Absolute paths are the container's or the host's (/run/guest-services/…, /usr/bin/docker), ~ the user's.
  if (/^[/~@#-]/.test(trimmed) || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  return trimmed;
}

/**
 * Whether `word` names something in the repository, read from each of `bases` (folders relative
 * to the root). A word is a claim about the repository only when its first segment exists under
 * one of the bases (`samples/x` is, `linux/amd64` and `zod/mini` are not); then the whole path
 * must exist under one of them. A trailing `/` asks for a folder.
 */
export function checkRepositoryPath(root: string, word: string, bases: readonly string[]): PathVerdict {
  const path = pathWord(word);
  if (path === undefined) return "not-a-path";
  const wantsFolder = path.endsWith("/");
  let claimed = false;
  for (const base of bases) {
    const resolved = posix.normalize(posix.join(base, path.replace(/^\.\//, "")));
    if (resolved === ".." || resolved.startsWith("../") || resolved === ".") continue;
    if (resolved.split("/").some((segment) => OUTPUT_SEGMENTS.has(segment))) return "not-a-path";
    const parents = posix.normalize(posix.join(base, (/^(\.\.\/)*/.exec(path.replace(/^\.\//, "")) ?? [""])[0]));
    const first =
      posix
        .normalize(path.replace(/^\.\//, ""))
        .replace(/^(\.\.\/)*/, "")
        .split("/")[0] ?? "";
    if (first === "" || kindAt(root, posix.join(parents === "." ? "" : parents, first)) === undefined) continue;
    claimed = true;
    const kind = kindAt(root, resolved.replace(/\/$/, ""));
    if (kind !== undefined && (!wantsFolder || kind === "folder")) return "exists";
  }
  return claimed ? "missing" : "not-a-path";
}

/**
 * A link target against the page's folder (or the root for `/…`), GitHub's rule: external links,
 * anchors and targets outside the repository are left to the reader; undefined when it exists.
 */
export function missingLinkTarget(root: string, pageDir: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#") || target.startsWith("//")) return undefined;
  const bare = decodeURI(target.replace(/[#?].*$/, ""));
  if (bare === "") return undefined;
  const resolved = posix.normalize(bare.startsWith("/") ? bare.slice(1) : posix.join(pageDir, bare));
  if (resolved.startsWith("../")) return `${target} (outside the repository)`;
  return kindAt(root, resolved === "." ? "" : resolved.replace(/\/$/, "")) === undefined ? target : undefined;
}
