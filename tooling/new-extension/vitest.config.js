import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

// The generated-extension tests install, build and test copies of every sample: minutes, not
// seconds, and heavy enough that they run one file at a time.
export default mergeConfig(dextVitestConfig({ testTimeout: 20 * 60_000 }), { test: { fileParallelism: false } });
