// Build-time plugin (@dext/ui/vite) that prerenders a tab's first view into its index.html; see
// index.js for why this folder is plain JavaScript.
import { readFile, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";

export class PrerenderError extends Error {
  name = "PrerenderError";
  code = /** @type {const} */ ("prerender_failed");
}

const EMPTY_ROOT = '<div id="root"></div>';

/**
 * FNV-1a over UTF-16 code units: the chooser script runs this same function (its source is put
 * into the page), so the build and the page compare the theme the same way.
 * @param {string} text
 * @returns {number}
 */
function themeHash(text) {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/**
 * The script that runs while the page is parsed, before any of the UI's code: it shows the first
 * view prerendered for the page's colour scheme, and only where React will hydrate exactly that
 * markup: inside Desktop (a client was injected), not as a dialog (another background), and with
 * the theme the build rendered (Desktop's injected theme, when it injected one, hashes the same).
 * Anywhere else it leaves #root empty and the UI renders as it always did.
 * @param {Record<"light" | "dark", number>} hashes
 */
function chooserScript(hashes) {
  return `(function(){var themeHash=${themeHash.toString()};var hashes=${JSON.stringify(hashes)};
try{var root=document.getElementById("root");var scheme=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";
var view=document.getElementById("dext-first-view-"+scheme);var injected=window.__ddMuiV6Themes;
var usable=root&&view&&!root.hasChildNodes()&&window.ddClient&&!/[?&]dialog=true(&|$)/.test(location.search)&&
(!injected||themeHash(JSON.stringify(injected[scheme]))===hashes[scheme]);
if(usable){root.appendChild(view.content.cloneNode(true));window.__dextFirstViewScheme=scheme;}}catch(e){}
["light","dark"].forEach(function(s){var t=document.getElementById("dext-first-view-"+s);if(t)t.remove();});})();`;
}

/**
 * A Vite plugin: after a production build, renders the tab's first view with React in Node (as
 * inside Desktop, with Docker's packaged theme, light and dark) and writes it into the built
 * index.html with a chooser script, so the tab shows its first view as soon as the page is parsed;
 * `mountExtension` from @dext/ui then hydrates it. The app module must export the component
 * (`App` from `src/app.tsx` under Vite's root, by default) that `mountExtension` renders.
 * @param {{ app?: string, exportName?: string }} [options]
 * @returns {import("vite").Plugin}
 */
export function prerenderFirstView({ app = "src/app.tsx", exportName = "App" } = {}) {
  /** @type {import("vite").ResolvedConfig} */
  let config;
  return {
    name: "dext:prerender-first-view",
    apply: (userConfig, env) => env.command === "build" && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(output) {
      const { createServer, defaultClientConditions, defaultServerConditions } = await import("vite");
      // The app's own conditions (such as a source condition for workspace packages), on top of
      // the server's defaults: a client-only one like "browser" would pick DOM builds in Node.
      const ownConditions = (config.resolve.conditions ?? []).filter(
        (condition) => !defaultClientConditions.includes(condition),
      );
      const appPath = resolve(config.root, app);
      const page = join(output.dir ?? resolve(config.root, config.build.outDir), "index.html");
      const html = await readFile(page, "utf8");
      if (!html.includes(EMPTY_ROOT))
        throw new PrerenderError(`${page} has no empty ${EMPTY_ROOT} to prerender the first view into`);
      // The same config (aliases, conditions, plugins) in Vite's server renderer.
      const server = await createServer({
        // The app's config file, or (a build given its config inline) the resolution it used.
        configFile: config.configFile ?? false,
        ...(config.configFile === undefined ? { resolve: { alias: config.resolve.alias } } : {}),
        root: config.root,
        mode: config.mode,
        logLevel: "error",
        appType: "custom",
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
        ssr: {
          // Docker's packages: the client names only a "browser" entry, and the theme packages
          // declare CommonJS but ship ESM, which Node cannot load as they are.
          noExternal: [/^@docker\//],
          resolve: {
            conditions: [...ownConditions, ...defaultServerConditions],
            mainFields: ["browser", "module", "main"],
          },
        },
      });
      // Rendered in the bundle's mode: MUI names its classes after components in development
      // only, so a development render would not match a production bundle's markup.
      const bundleMode = config.define?.["process.env.NODE_ENV"];
      const mode =
        typeof bundleMode === "string" ? JSON.parse(bundleMode) : config.isProduction ? "production" : "development";
      const callerMode = process.env.NODE_ENV;
      process.env.NODE_ENV = mode;
      try {
        const appModule = await server.ssrLoadModule(appPath);
        const component = appModule[exportName];
        if (typeof component !== "function")
          throw new PrerenderError(`${appPath} exports no component named ${exportName} to prerender`);
        // Resolved from the app, so the kit is the one the app imports (its source or its build).
        const kitId = (await server.environments.ssr.pluginContainer.resolveId("@dext/ui/prerender", appPath))?.id;
        if (kitId === undefined) throw new PrerenderError(`@dext/ui/prerender cannot be resolved from ${appPath}`);
        const kit = await server.ssrLoadModule(kitId);
        const themes = kit.firstViewThemes();
        const views = ["light", "dark"].map(
          (scheme) => `<template id="dext-first-view-${scheme}">${kit.renderFirstView(component, scheme)}</template>`,
        );
        const script = `<script>${chooserScript({ light: themeHash(themes.light), dark: themeHash(themes.dark) })}</script>`;
        await writeFile(page, html.replace(EMPTY_ROOT, `${EMPTY_ROOT}${views.join("")}${script}`));
      } catch (error) {
        if (error instanceof PrerenderError) throw error;
        throw new PrerenderError(
          `could not prerender the first view of ${isAbsolute(app) ? app : appPath}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      } finally {
        if (callerMode === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = callerMode;
        await server.close();
      }
    },
  };
}
