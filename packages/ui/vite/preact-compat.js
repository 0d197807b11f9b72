// Build-time plugin (@dext/ui/vite); see index.js for why this folder is plain JavaScript.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** React's entry points and the Preact export that stands in for each. */
const stands = {
  react: "./compat",
  "react-dom": "./compat",
  "react-dom/client": "./compat/client",
  "react/jsx-runtime": "./jsx-runtime",
  "react/jsx-dev-runtime": "./jsx-dev-runtime",
};

export class PreactLayoutError extends Error {
  name = "PreactLayoutError";
  code = /** @type {const} */ ("preact_layout_unknown");
}

/**
 * Absolute files for each React entry, read from the exports of the Preact @dext/ui depends on.
 * Absolute, because a bare "preact/compat" would be resolved from each importer (MUI, emotion,
 * react-query), and pnpm gives none of them Preact.
 * @returns {{ find: RegExp, replacement: string }[]}
 */
export function preactAliases() {
  // createRequire, not import.meta.resolve: when Vite bundles a workspace package into the config
  // it rewrites import.meta.url to the original file, and nothing else.
  const manifestPath = createRequire(import.meta.url).resolve("preact/package.json");
  /** @type {{ version: string, exports: Record<string, string | { import?: string, default?: string }> }} */
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  return Object.entries(stands).map(([react, subpath]) => {
    const entry = manifest.exports[subpath];
    const file = typeof entry === "string" ? entry : (entry?.import ?? entry?.default);
    if (file === undefined) {
      throw new PreactLayoutError(
        `preact ${manifest.version} exports no ESM file for "${subpath}": @dext/ui cannot stand it in for ${react}`,
      );
    }
    return { find: new RegExp(`^${react.replace(/[/-]/g, "\\$&")}$`), replacement: join(dirname(manifestPath), file) };
  });
}

/**
 * Builds the UI with Preact's React compatibility layer in place of react-dom: the same React API
 * (hooks, context, portals, Suspense, lazy) in about 10 KB gzip instead of about 46 KB. Docker
 * Desktop re-creates an extension's UI each time its tab opens, so those bytes are paid on every
 * open. Production builds only: `vite` dev (Fast Refresh) and the jsdom tests still run React, so
 * the shipped renderer is one they never test; dext's samples ship React and leave this opt-in
 * (see @dext/ui's README for the trade).
 * @returns {import("vite").Plugin}
 */
export function preactCompat() {
  return {
    name: "dext:preact-compat",
    apply: "build",
    config: () => ({ resolve: { alias: preactAliases() } }),
  };
}
