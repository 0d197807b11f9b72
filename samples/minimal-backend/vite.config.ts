import { muiWithoutCssVariables, preactCompat } from "@dext/ui/vite";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// Desktop loads the UI from files copied out of the image, so asset URLs must be relative (base "./").
// preactCompat: the production build renders with Preact's React layer, a third of the tab's JS;
// muiWithoutCssVariables: MUI's fallback themes leave its CSS-variables theme builder out (see
// @dext/ui's README). `vite` dev and the jsdom tests run React and stock MUI.
// Conditions replace Vite's defaults rather than add to them, so the defaults are named again:
// without "browser" and "module", emotion and stylis resolve to their CommonJS server builds.
export default defineConfig({
  root: "ui",
  base: "./",
  plugins: [react(), preactCompat(), muiWithoutCssVariables()],
  resolve: { conditions: ["@dext/source", ...defaultClientConditions] },
  build: { outDir: "../dist/ui", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1_000 },
  // Each sample has its own dev port, so their dev servers run side by side; `make dev-ui` points
  // Docker Desktop at it (strictPort: a server elsewhere would not be the tab Desktop loads).
  server: { port: 3000, strictPort: true },
});
