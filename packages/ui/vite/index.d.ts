import type { Plugin } from "vite";

export declare class PreactLayoutError extends Error {
  readonly name: "PreactLayoutError";
  readonly code: "preact_layout_unknown";
}

/** Absolute files for each React entry point, from the Preact that @dext/ui depends on. */
export declare function preactAliases(): { find: RegExp; replacement: string }[];

/** A Vite plugin: production builds render with Preact's React compatibility layer. */
export declare function preactCompat(): Plugin;

export declare class FirstViewError extends Error {
  readonly name: "FirstViewError";
  readonly code: "first_view_unreadable";
}

/**
 * The JavaScript a built tab loads before it renders: its `index.html`'s module scripts and the
 * chunks it modulepreloads, as paths relative to `packageDir` (the size budgets' first view).
 */
export declare function firstViewScripts(packageDir: string | URL, uiDir?: string): string[];

/**
 * A size-limit check of a tab's first view, gzip: `firstViewScripts(packageDir, uiDir)` limited to
 * `measuredBytes` plus `allowance` (default 0.05, 5%).
 */
export declare function firstViewBudget(
  packageDir: string | URL,
  budget: { measuredBytes: number; allowance?: number; uiDir?: string },
): { name: string; path: string[]; gzip: true; limit: string };

export declare class PrerenderError extends Error {
  readonly name: "PrerenderError";
  readonly code: "prerender_failed";
}

/**
 * A Vite plugin: production builds prerender the tab's first view (the component `exportName`,
 * default `App`, of `app`, default `src/app.tsx` under Vite's root) into index.html, light and dark,
 * for `mountExtension` to hydrate.
 */
export declare function prerenderFirstView(options?: { app?: string; exportName?: string }): Plugin;
