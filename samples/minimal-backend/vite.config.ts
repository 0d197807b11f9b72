import { preactCompat } from "@dext/ui/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Desktop loads the UI from files copied out of the image, so asset URLs must be relative (base "./").
// preactCompat: the production build renders with Preact's React layer, a third of the tab's JS
// (see @dext/ui's README); `vite` dev and the jsdom tests run React.
export default defineConfig({
  root: "ui",
  base: "./",
  plugins: [react(), preactCompat()],
  resolve: { conditions: ["@dext/source"] },
  build: { outDir: "../dist/ui", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1_000 },
  server: { port: 3000, strictPort: true },
});
