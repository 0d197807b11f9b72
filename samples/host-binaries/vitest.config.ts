import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig(), {
  test: {
    // The doctor and its build sit in their own folders; `mergeConfig` appends to the shared list.
    include: ["doctor/**/*.test.ts", "build/**/*.test.ts"],
    // Docker's theme packages declare CommonJS but ship ES modules; let Vite transform them.
    server: { deps: { inline: [/@docker\//] } },
  },
});
