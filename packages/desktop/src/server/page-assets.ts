import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface PageAssets {
  /** The injected client (window.ddClient and theme globals): a classic script, run before the page's own. */
  pageScript: string;
  /** The module the injected client imports on its first call: the typed client of the host's API. */
  pageApiModule: string;
  /** The dashboard's own script. */
  dashboardScript: string;
}

// Sources ship with the package, so a host run from dist/ bundles the same files as one run from src/.
const fromDist = import.meta.url.includes("/dist/");
const sourceDir = fileURLToPath(new URL(fromDist ? "../../src/" : "../", import.meta.url));

async function bundle(entry: string, format: "iife" | "esm"): Promise<string> {
  const result = await build({
    entryPoints: [`${sourceDir}${entry}`],
    bundle: true,
    write: false,
    format,
    platform: "browser",
    target: "es2022",
    // From the sources, the workspace's packages (@dext/backend's client) are read from theirs too.
    conditions: fromDist ? [] : ["@dext/source"],
    minify: true,
    legalComments: "none",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

let cached: Promise<PageAssets> | undefined;

/** Bundles the browser side once per process (~tens of ms with esbuild). */
export function loadPageAssets(): Promise<PageAssets> {
  cached ??= Promise.all([
    bundle("page/main.ts", "iife"),
    bundle("page/host-api-module.ts", "esm"),
    bundle("dashboard/main.ts", "iife"),
  ]).then(([pageScript, pageApiModule, dashboardScript]) => ({ pageScript, pageApiModule, dashboardScript }));
  return cached;
}
