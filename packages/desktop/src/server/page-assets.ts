import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface PageAssets {
  /** The injected client (window.ddClient and theme globals). */
  pageScript: string;
  /** The dashboard's own script. */
  dashboardScript: string;
}

// Sources ship with the package, so a host run from dist/ bundles the same files as one run from src/.
const fromDist = import.meta.url.includes("/dist/");
const sourceDir = fileURLToPath(new URL(fromDist ? "../../src/" : "../", import.meta.url));

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [`${sourceDir}${entry}`],
    bundle: true,
    write: false,
    format: "iife",
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
  cached ??= Promise.all([bundle("page/main.ts"), bundle("dashboard/main.ts")]).then(
    ([pageScript, dashboardScript]) => ({ pageScript, dashboardScript }),
  );
  return cached;
}
