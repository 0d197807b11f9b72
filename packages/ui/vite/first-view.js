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
 * The JavaScript a built tab loads before it renders: the module scripts of `uiDir/index.html` and
 * the chunks it modulepreloads, in page order, as paths under `uiDir`. Chunks fetched later (lazy
 * views) are not among them. Throws `FirstViewError` when the page loads no script, so a budget
 * never passes by measuring nothing.
 * @param {string} uiDir the built UI folder (Vite's outDir), absolute or relative to the process
 * @returns {string[]}
 */
export function firstViewScripts(uiDir) {
  let html;
  try {
    html = readFileSync(join(uiDir, "index.html"), "utf8");
  } catch (error) {
    throw new FirstViewError(`cannot read ${join(uiDir, "index.html")}: build the UI first`, { cause: error });
  }
  const files = [...html.matchAll(FIRST_VIEW_TAG)].map((match) => join(uiDir, /** @type {string} */ (match[1])));
  if (files.length === 0) throw new FirstViewError(`${join(uiDir, "index.html")} loads no script`);
  return [...new Set(files)];
}

/**
 * A size-limit check of a tab's first view, each file gzip -9 and summed: the files
 * `firstViewScripts` lists, limited to `measuredBytes` plus `allowance` (5%), so a change that adds
 * more fails the check, and raising the budget is an edit that says what the tab weighs now.
 * @param {string | URL} uiDir the built UI folder
 * @param {{ measuredBytes: number, allowance?: number }} budget
 * @returns {{ name: string, path: string[], gzip: true, limit: string }}
 */
export function firstViewBudget(uiDir, { measuredBytes, allowance = 0.05 }) {
  const dir = typeof uiDir === "string" ? uiDir : fileURLToPath(uiDir);
  return {
    name: `first view (entry script and modulepreloads, gzip), measured ${String(measuredBytes)} B + ${String(Math.round(allowance * 100))}%`,
    path: firstViewScripts(dir),
    gzip: true,
    limit: `${String(Math.floor(measuredBytes * (1 + allowance)))} B`,
  };
}
