import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

// Each lab's test bundles and starts the attendee's backend, sometimes twice: seconds each on a
// busy machine. One file at a time keeps them from competing for the two cores CI has.
export default mergeConfig(dextVitestConfig({ testTimeout: 120_000 }), { test: { fileParallelism: false } });
