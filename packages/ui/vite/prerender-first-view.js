// Build-time plugin (@dext/ui/vite) that prerenders a tab's first view into its index.html; see
// index.js for why this folder is plain JavaScript.
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

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
 * Anywhere else it leaves #root empty and the UI renders as it always did. Each scheme's markup is
 * a JSON string in an inert script element: the browser builds only the one shown, where two
 * `<template>`s would have it parse both.
 * @param {Record<"light" | "dark", number>} hashes
 */
function chooserScript(hashes) {
  return `(function(){var themeHash=${themeHash.toString()};var hashes=${JSON.stringify(hashes)};
try{var root=document.getElementById("root");var scheme=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";
var view=document.getElementById("dext-first-view-"+scheme);var injected=window.__ddMuiV6Themes;
var usable=root&&view&&!root.hasChildNodes()&&window.ddClient&&!/[?&]dialog=true(&|$)/.test(location.search)&&
(!injected||themeHash(JSON.stringify(injected[scheme]))===hashes[scheme]);
if(usable){root.innerHTML=JSON.parse(view.textContent);window.__dextFirstViewScheme=scheme;}}catch(e){}
["light","dark"].forEach(function(s){var t=document.getElementById("dext-first-view-"+s);if(t)t.remove();});})();`;
}

/**
 * `html` as the text of an inert script element: a JSON string with every "<" escaped, so no
 * "</script>" in the markup (a user's text, say) can end the element early.
 * @param {string} html
 */
function inertMarkup(html) {
  return JSON.stringify(html).replace(/</g, "\\u003c");
}

/**
 * Starts Vite's server renderer on the app's own config (aliases, conditions, plugins), loads the
 * app's component and the kit's renderer, and renders the first view in light and dark.
 * @param {import("vite").ResolvedConfig} config
 * @param {string} appPath
 * @param {string} exportName
 * @returns {Promise<{ views: Record<"light" | "dark", string>, hashes: Record<"light" | "dark", number> }>}
 */
async function renderViews(config, appPath, exportName) {
  const { createServer, defaultClientConditions, defaultServerConditions } = await import("vite");
  // The app's own conditions (such as a source condition for workspace packages), on top of the
  // server's defaults: a client-only one like "browser" would pick DOM builds in Node.
  const ownConditions = (config.resolve.conditions ?? []).filter(
    (condition) => !defaultClientConditions.includes(condition),
  );
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
      // declare CommonJS but ship ESM, which Node cannot load as they are. The kit too, built or
      // not, so that its own imports of them come through here and not through Node.
      noExternal: [/^@docker\//, /^@dext\//],
      resolve: {
        conditions: [...ownConditions, ...defaultServerConditions],
        mainFields: ["browser", "module", "main"],
      },
    },
  });
  try {
    const component = (await server.ssrLoadModule(appPath))[exportName];
    if (typeof component !== "function")
      throw new PrerenderError(`${appPath} exports no component named ${exportName} to prerender`);
    // Resolved from the app, so the kit is the one the app imports (its source or its build).
    const kitId = (await server.environments.ssr.pluginContainer.resolveId("@dext/ui/prerender", appPath))?.id;
    if (kitId === undefined) throw new PrerenderError(`@dext/ui/prerender cannot be resolved from ${appPath}`);
    const kit = await server.ssrLoadModule(kitId);
    const themes = kit.firstViewThemes();
    return {
      views: { light: kit.renderFirstView(component, "light"), dark: kit.renderFirstView(component, "dark") },
      hashes: { light: themeHash(themes.light), dark: themeHash(themes.dark) },
    };
  } finally {
    await server.close();
  }
}

/**
 * Runs `work` with NODE_ENV as the bundle has it, set before the renderer starts (it picks its JSX
 * runtime by it): MUI names its classes after components in development only, so a development
 * render would not match a production bundle's markup.
 * @template T
 * @param {import("vite").ResolvedConfig} config
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function inBundleMode(config, work) {
  const defined = config.define?.["process.env.NODE_ENV"];
  const callerMode = process.env.NODE_ENV;
  process.env.NODE_ENV =
    typeof defined === "string" ? JSON.parse(defined) : config.isProduction ? "production" : "development";
  try {
    return await work();
  } finally {
    if (callerMode === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callerMode;
  }
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
      if (resolved.plugins.some((plugin) => plugin.name === "dext:preact-compat"))
        throw new PrerenderError(
          "prerenderFirstView() renders with React and preactCompat() ships Preact: use one of them, not both",
        );
    },
    async writeBundle(output) {
      const appPath = resolve(config.root, app);
      const page = join(output.dir ?? resolve(config.root, config.build.outDir), "index.html");
      const html = await readFile(page, "utf8");
      if (!html.includes(EMPTY_ROOT))
        throw new PrerenderError(`${page} has no empty ${EMPTY_ROOT} to prerender the first view into`);
      let rendered;
      try {
        rendered = await inBundleMode(config, () => renderViews(config, appPath, exportName));
      } catch (error) {
        if (error instanceof PrerenderError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new PrerenderError(`could not prerender the first view of ${appPath}: ${reason}`, { cause: error });
      }
      const templates = ["light", "dark"].map(
        (scheme) =>
          `<script type="application/json" id="dext-first-view-${scheme}">${inertMarkup(rendered.views[scheme])}</script>`,
      );
      const script = `<script>${chooserScript(rendered.hashes)}</script>`;
      await writeFile(page, html.replace(EMPTY_ROOT, `${EMPTY_ROOT}${templates.join("")}${script}`));
    },
  };
}
