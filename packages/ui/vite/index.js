// Build-time entry (@dext/ui/vite), loaded by Node from a sample's vite.config.ts; never part of a
// UI bundle. Plain JavaScript, like tooling/'s configs: Vite loads it before anything is built
// (an image build runs only the sample's own build), so it cannot point at a compiled dist/.
export { firstViewBudget, FirstViewError, firstViewScripts } from "./first-view.js";
export { preactAliases, preactCompat, PreactLayoutError } from "./preact-compat.js";
export { prerenderFirstView, PrerenderError } from "./prerender-first-view.js";
