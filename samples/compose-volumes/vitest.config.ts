import { dextVitestConfig } from "@dext/vitest-config";

// Everything that needs no Docker engine: backend, helper, proxy, shared code and the UI.
// The engine and image tests are image/'s, run by `test:image`.
const config = dextVitestConfig();
export default {
  ...config,
  test: {
    ...config.test,
    include: ["{backend,helper,proxy,shared}/**/*.test.ts", "ui/**/*.test.{ts,tsx}"],
    // Test files share one module graph per worker instead of loading the backend, Express and zod
    // again for each file: about a fifth less CPU. So a test that changes a global or a module's
    // state must put it back: replace globals with vi.spyOn, which restoreMocks undoes after each test.
    isolate: false,
    // Docker's theme packages declare CommonJS but ship ES modules; let Vite transform them, and the
    // dext packages that import them (in the workspace they are sources; in a standalone copy made
    // by new-extension they are installed packages, which Vitest would otherwise hand to Node).
    server: { deps: { inline: [/@docker\//, /@dext\//] } },
  },
};
