import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig(), {
  test: {
    // Docker's theme packages declare CommonJS but ship ES modules; let Vite transform them.
    server: { deps: { inline: [/@docker\//] } },
  },
});
