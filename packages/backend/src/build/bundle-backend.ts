import { build, context } from "esbuild";
import type { BuildOptions } from "esbuild";

/**
 * pino (and Express, and any CommonJS dependency) requires Node's built-ins at run time; an ES module
 * bundle has no `require` unless it defines one, and stops at start with `Dynamic require of
 * "node:os" is not supported`.
 */
const defineRequire = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export interface BundleBackendOptions {
  /** The entry files, each its own bundle; or `{ outName: file }` with `outdir`. */
  entryPoints: string[] | Record<string, string>;
  /** The bundle, for one entry. */
  outfile?: string;
  /** Where the bundles go, for several entries. */
  outdir?: string;
  /** Folders to find packages in that the code's own node_modules lack (esbuild's `nodePaths`). */
  nodePaths?: string[];
  /** Default `warning`: errors and warnings on stderr; `silent` leaves them to the thrown error. */
  logLevel?: "silent" | "warning" | "info";
}

/**
 * esbuild's options for a backend bundle, as an extension image runs it: one ES module for Node 24
 * with every dependency inside (start-up resolves no node_modules), `require` defined for the
 * CommonJS ones, and the workspace's TypeScript sources read through the `@dext/source` condition.
 * ES modules rather than CommonJS because a backend's entry awaits `runBackend` at its top level,
 * which CommonJS output cannot hold.
 */
export function backendBuildOptions(options: BundleBackendOptions): BuildOptions {
  return {
    entryPoints: options.entryPoints,
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    conditions: ["@dext/source"],
    banner: { js: defineRequire },
    logLevel: options.logLevel ?? "warning",
    ...(options.outfile === undefined ? {} : { outfile: options.outfile }),
    ...(options.outdir === undefined ? {} : { outdir: options.outdir }),
    ...(options.nodePaths === undefined ? {} : { nodePaths: options.nodePaths }),
  };
}

/** Bundles a backend once (see `backendBuildOptions`); rejects with esbuild's errors. */
export async function bundleBackend(options: BundleBackendOptions): Promise<void> {
  await build(backendBuildOptions(options));
}

/**
 * Bundles a backend and again on every change of a file it reads, until `stop()`. esbuild prints
 * `[watch] build finished` after each build, the line the dext host's dev mode waits for.
 */
export async function watchBackend(options: BundleBackendOptions): Promise<{ stop: () => Promise<void> }> {
  const watcher = await context({ ...backendBuildOptions(options), logLevel: "info" });
  await watcher.watch();
  return { stop: () => watcher.dispose() };
}
