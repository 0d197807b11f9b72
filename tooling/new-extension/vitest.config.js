import { dextVitestConfig } from "@dext/vitest-config";

// The generated-extension test installs, builds and tests copies of every sample: minutes, not seconds.
export default dextVitestConfig({ testTimeout: 15 * 60_000 });
