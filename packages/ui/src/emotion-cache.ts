import createCache from "@emotion/cache";
import type { EmotionCache } from "@emotion/cache";

/**
 * Emotion's cache for an extension's styles, without stylis' vendor-prefix plugin: Docker Desktop
 * shows every extension in Chromium, which needs none of the `-webkit-`, `-moz-` and `-ms-` copies
 * it adds (about a quarter of a first view's CSS). The build's prerender and the page use it alike,
 * so the first view's styles are the ones the page would insert.
 */
export function createEmotionCache(): EmotionCache {
  return createCache({ key: "css", stylisPlugins: [] });
}
