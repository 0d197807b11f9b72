// Build-time helper (@dext/ui/vite) for size budgets; see index.js for why this folder is plain JavaScript.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export class FirstViewError extends Error {
  name = "FirstViewError";
  code = /** @type {const} */ ("first_view_unreadable");
}

// Vite writes these two tags in one fixed form, so a pattern reads them; an HTML parser would be a
// dependency for two tag shapes. Relative ("./assets/x.js", base "./") or root ("/assets/x.js") URLs.
const FIRST_VIEW_TAG = /<(?:script\b[^>]*\ssrc|link\b[^>]*\srel="modulepreload"[^>]*\shref)="(?:\.?\/)?([^"]+\.js)"/g;

/**
 * The JavaScript a built tab loads before it renders: the module scripts of its `index.html` and
 * the chunks it modulepreloads, in page order. Chunks fetched later (lazy views) are not among
 * them. Paths are relative to `packageDir` (`dist/ui/assets/index-….js`): size-limit reads them as
 * globs from its config's folder, where a relative path of Vite's file names cannot misfire as a
 * pattern the way an absolute path with `[` or `*` in a folder name would. Throws `FirstViewError`
 * when there is no page or it loads no script, so a budget never passes by measuring nothing.
 * @param {string | URL} packageDir the package (a sample's folder)
 * @param {string} [uiDir] its built UI, relative to it (Vite's outDir)
 * @returns {string[]}
 */
export function firstViewScripts(packageDir, uiDir = "dist/ui") {
  const page = join(typeof packageDir === "string" ? packageDir : fileURLToPath(packageDir), uiDir, "index.html");
  let html;
  try {
    html = readFileSync(page, "utf8");
  } catch (error) {
    throw new FirstViewError(`cannot read ${page}: build the UI first`, { cause: error });
  }
  const files = [...html.matchAll(FIRST_VIEW_TAG)].map((match) => join(uiDir, /** @type {string} */ (match[1])));
  if (files.length === 0) throw new FirstViewError(`${page} loads no script`);
  return [...new Set(files)];
}

/**
 * A size-limit check of a tab's first view, each file gzip -9 and summed: the files
 * `firstViewScripts` lists, limited to `measuredBytes` plus `allowance` (5%), so a change that adds
 * more fails the check, and raising the budget is an edit that says what the tab weighs now.
 * Put in the package's `.size-limit.js`, with `packageDir` its own folder.
 * @param {string | URL} packageDir
 * @param {{ measuredBytes: number, allowance?: number, uiDir?: string }} budget
 * @returns {{ name: string, path: string[], gzip: true, limit: string }}
 */
export function firstViewBudget(packageDir, { measuredBytes, allowance = 0.05, uiDir = "dist/ui" }) {
  return {
    name: `first view (entry script and modulepreloads, gzip), measured ${String(measuredBytes)} B + ${String(Math.round(allowance * 100))}%`,
    path: firstViewScripts(packageDir, uiDir),
    gzip: true,
    limit: `${String(Math.floor(measuredBytes * (1 + allowance)))} B`,
  };
}
