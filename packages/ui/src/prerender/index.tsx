// Build-time entry (@dext/ui/prerender): renders an extension's first view to HTML, in Node, for
// @dext/ui/vite's `prerenderFirstView`. Never part of a UI bundle.
import { CacheProvider } from "@emotion/react";
import { renderToString } from "react-dom/server";
import type { ComponentType } from "react";
import { prerenderClientGlobal } from "../desktop-client.ts";
import { createEmotionCache } from "../emotion-cache.ts";
import { extensionTree } from "../extension-root.tsx";
import { firstViewSchemeGlobal } from "../first-view-scheme.ts";
import type { ColorScheme } from "../first-view-scheme.ts";
import { packagedDockerThemes } from "../theme-globals.ts";
import { createPrerenderClient } from "./prerender-client.ts";

export { PrerenderCallError } from "./prerender-client.ts";

/**
 * The first view of `App` as HTML, in one colour scheme, with the styles it uses inline (emotion
 * puts each component's rules in a `<style>` before it; on the page, emotion moves them into the
 * head before React hydrates). Rendered as inside Desktop, with Docker's packaged theme.
 */
export function renderFirstView(App: ComponentType, scheme: ColorScheme): string {
  const globals = globalThis as Record<string, unknown>;
  globals[firstViewSchemeGlobal] = scheme;
  globals[prerenderClientGlobal] = createPrerenderClient();
  try {
    // A cache per render: emotion's rules for one scheme must not count as inserted for the other.
    return renderToString(<CacheProvider value={createEmotionCache()}>{extensionTree(<App />)}</CacheProvider>);
  } finally {
    Reflect.deleteProperty(globals, firstViewSchemeGlobal);
    Reflect.deleteProperty(globals, prerenderClientGlobal);
  }
}

/** The theme options each scheme's first view was rendered with, as the chooser script compares them. */
export function firstViewThemes(): Record<ColorScheme, string> {
  return { light: JSON.stringify(packagedDockerThemes.light), dark: JSON.stringify(packagedDockerThemes.dark) };
}
