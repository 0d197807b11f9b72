import { dextVitestConfig } from "@dext/vitest-config";

// Browser tests: the built sample in the dext host, in Chromium. Run by `test:e2e`, after `build`
// (the UI); the executables are built, or found current, by the global setup.
const config = dextVitestConfig({ testTimeout: 30_000 });
export default {
  ...config,
  test: { ...config.test, include: ["e2e/**/*.e2e.test.ts"], globalSetup: ["test/ensure-host-binaries.ts"] },
};
