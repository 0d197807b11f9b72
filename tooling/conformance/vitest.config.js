import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

// The browser file installs every case in one host and drives one Chromium: it needs the two cores
// CI has more than the validate file needs them in parallel.
export default mergeConfig(dextVitestConfig({ testTimeout: 60_000 }), { test: { fileParallelism: false } });
