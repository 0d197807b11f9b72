import { dextVitestConfig } from "@dext/vitest-config";

// Everything that needs no Docker engine: backend, helper, proxy, shared code and the UI.
// The engine and image tests are image/'s, run by `test:image`.
const config = dextVitestConfig();
export default {
  ...config,
  test: {
    ...config.test,
    include: ["{backend,helper,proxy,shared}/**/*.test.ts", "ui/**/*.test.{ts,tsx}"],
    // Docker's theme packages declare CommonJS but ship ES modules; let Vite transform them, and the
    // dext packages that import them (in the workspace they are sources; in a standalone copy made
    // by new-extension they are installed packages, which Vitest would otherwise hand to Node).
    server: { deps: { inline: [/@docker\//, /@dext\//] } },
  },
};
