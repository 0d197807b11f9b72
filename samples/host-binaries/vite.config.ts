import { prerenderFirstView } from "@dext/ui/vite";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// Desktop loads the UI from files copied out of the image, so asset URLs must be relative (base "./").
// What ships renders with React, as `vite` dev and the jsdom tests do (`preactCompat()` from
// @dext/ui/vite is an opt-in trade of React for a smaller tab, in place of prerenderFirstView();
// see @dext/ui's README).
// Conditions replace Vite's defaults rather than add to them, so the defaults are named again:
// without "browser" and "module", emotion and stylis resolve to their CommonJS server builds.
export default defineConfig({
  root: "ui",
  base: "./",
  // prerenderFirstView: the tab shows its first view as soon as index.html is parsed (@dext/ui README).
  plugins: [react(), prerenderFirstView()],
  resolve: { conditions: ["@dext/source", ...defaultClientConditions] },
  build: { outDir: "../dist/ui", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1_000 },
  // Each sample has its own dev port, so their dev servers run side by side; `make dev-ui` points
  // Docker Desktop at it (strictPort: a server elsewhere would not be the tab Desktop loads).
  server: { port: 3020, strictPort: true },
});
