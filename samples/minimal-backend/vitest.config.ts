import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig(), {
  test: {
    // Docker's theme packages declare CommonJS but ship ES modules; let Vite transform them, and the
    // dext packages that import them (in the workspace they are sources; in a standalone copy made
    // by new-extension they are installed packages, which Vitest would otherwise hand to Node).
    server: { deps: { inline: [/@docker\//, /@dext\//] } },
  },
});
