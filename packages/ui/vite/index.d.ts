import type { Plugin } from "vite";

export declare class PreactLayoutError extends Error {
  readonly name: "PreactLayoutError";
  readonly code: "preact_layout_unknown";
}

/** Absolute files for each React entry point, from the Preact that @dext/ui depends on. */
export declare function preactAliases(): { find: RegExp; replacement: string }[];

/** A Vite plugin: production builds render with Preact's React compatibility layer. */
export declare function preactCompat(): Plugin;

