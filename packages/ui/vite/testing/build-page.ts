/// <reference types="node" />
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, defaultClientConditions, preview } from "vite";
import type { PluginOption } from "vite";

export interface PageBuilder {
  /** Builds `main.js` (the page's script, given as source) and returns the one script it emits. */
  build(name: string, main: string, plugins: PluginOption[]): Promise<string>;
  /**
   * Builds `main.tsx` (given as source) against the kit's sources, as a sample's build does, and
   * returns the folder of the built page (index.html and assets/).
   */
  buildApp(name: string, main: string, plugins: PluginOption[], files?: Record<string, string>): Promise<string>;
  remove(): Promise<void>;
}

/**
 * Real production builds of a one-script page. The folder sits inside @dext/ui, so the page
 * resolves react, react-dom and MUI from the kit's own node_modules, as a sample does.
 */
export async function pageBuilder(): Promise<PageBuilder> {
  const cache = fileURLToPath(new URL("../../.cache/", import.meta.url));
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, "vite-build-"));
  /** A production build of `<root>/<entry>` (given as source) behind a one-line page; returns its output folder. */
  const buildPage = async (
    name: string,
    entry: string,
    main: string,
    plugins: PluginOption[],
    conditions?: string[],
    files: Record<string, string> = {},
  ) => {
    const root = join(dir, name);
    await mkdir(root, { recursive: true });
    await writeFile(
      join(root, "index.html"),
      `<!doctype html><html><body><div id="root"></div><script type="module" src="./${entry}"></script></body></html>`,
    );
    await writeFile(join(root, entry), main);
    for (const [file, source] of Object.entries(files)) await writeFile(join(root, file), source);
    const outDir = join(root, "dist");
    // Vitest sets NODE_ENV=test, which would pick React's development build; a release build is the point.
    await build({
      root,
      base: "./",
      mode: "production",
      logLevel: "silent",
      configFile: false,
      define: { "process.env.NODE_ENV": JSON.stringify("production") },
      plugins,
      ...(conditions === undefined ? {} : { resolve: { conditions } }),
      build: { outDir },
    });
    return outDir;
  };
  return {
    async build(name, main, plugins) {
      const outDir = await buildPage(name, "main.js", main, plugins);
      const assets = await readdir(join(outDir, "assets"));
      const script = assets.find((file) => file.endsWith(".js"));
      if (script === undefined) throw new Error(`no script in ${assets.join(", ")}`);
      return readFile(join(outDir, "assets", script), "utf8");
    },
    // The kit's sources, as the samples read them (see their vite.config.ts).
    buildApp: (name, main, plugins, files) =>
      buildPage(name, "main.tsx", main, plugins, ["@dext/source", ...defaultClientConditions], files),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface PreviewedPage {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a built page (`buildApp`'s folder) with Vite's preview server on loopback, as a browser test loads it. */
export async function previewPage(outDir: string): Promise<PreviewedPage> {
  const server = await preview({
    configFile: false,
    logLevel: "silent",
    root: outDir,
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0 },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) {
    await server.close();
    throw new Error("vite preview gave no URL");
  }
  return { url, close: () => server.close() };
}
