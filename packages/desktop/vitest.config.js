import { dextVitestConfig } from "@dext/vitest-config";

export default dextVitestConfig({ testTimeout: 30_000 });
