import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

// One module graph per worker instead of one per file: most files start a host and Chromium
// (playwright-core, the server, esbuild) and re-imported all of it; alone, 59.7 -> 45.5 s wall and a
// third less CPU. Files that set process.env restore it in afterAll, and nothing here mocks modules.
export default mergeConfig(dextVitestConfig({ testTimeout: 30_000 }), { test: { isolate: false } });
