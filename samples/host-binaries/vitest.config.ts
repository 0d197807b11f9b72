import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig(), {
  test: {
    // The doctor and its build sit in their own folders; `mergeConfig` appends to the shared list.
    include: ["doctor/**/*.test.ts", "build/**/*.test.ts"],
    // Builds the executables first, or finds them current: turbo caches this task, not the files.
    globalSetup: ["test/ensure-host-binaries.ts"],
    // Docker's theme packages declare CommonJS but ship ES modules; let Vite transform them, and the
    // dext packages that import them (in the workspace they are sources; in a standalone copy made
    // by new-extension they are installed packages, which Vitest would otherwise hand to Node).
    server: { deps: { inline: [/@docker\//, /@dext\//] } },
  },
});
