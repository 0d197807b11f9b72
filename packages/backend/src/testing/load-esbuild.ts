import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { BuiltinsPlugin } from "../code-cache/script-bundle-options.ts";

/** The part of esbuild's API this package's bundle test and bench use. */
export interface Esbuild {
  readonly version: string;
  build(options: EsbuildOptions): Promise<EsbuildResult>;
}

export interface EsbuildOptions {
  entryPoints?: string[];
  stdin?: { contents: string; resolveDir: string; loader?: "ts" | "js" };
  bundle: true;
  write: boolean;
  outfile?: string;
  platform: "browser" | "node";
  format: "esm" | "cjs";
  target?: string;
  conditions?: string[];
  metafile?: boolean;
  minify?: boolean;
  banner?: { js: string };
  define?: Readonly<Record<string, string>>;
  plugins?: BuiltinsPlugin[];
  logLevel?: "silent";
}

interface EsbuildResult {
  outputFiles?: { path: string; text: string }[];
  metafile?: {
    inputs: Record<string, unknown>;
    /** Per output file, the inputs that put code into it (a tree-shaken input is absent or has 0 bytes). */
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
}

/** What every Node bundle of this package's tests and bench shares: from source, for Node 24, quiet. */
export const nodeBundleCommon = {
  bundle: true as const,
  write: true,
  platform: "node" as const,
  target: "node24",
  conditions: ["@dext/source"],
  logLevel: "silent" as const,
};

/**
 * Loads esbuild, the catalog's version. Resolved from this package when it is a devDependency;
 * until then, through vitest's vite, which depends on the same version.
 */
export async function loadEsbuild(): Promise<Esbuild> {
  const require = createRequire(import.meta.url);
  let path: string;
  try {
    path = require.resolve("esbuild");
  } catch {
    const vite = createRequire(require.resolve("vitest/package.json")).resolve("vite");
    path = createRequire(vite).resolve("esbuild");
  }
  return (await import(pathToFileURL(path).href)) as Esbuild;
}
