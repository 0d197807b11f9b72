import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Desktop loads the UI from files copied out of the image, so asset URLs must be relative (base "./").
export default defineConfig({
  root: "ui",
  base: "./",
  plugins: [react()],
  resolve: { conditions: ["@dext/source"] },
  build: { outDir: "../dist/ui", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1_000 },
  server: { port: 3000, strictPort: true },
});
