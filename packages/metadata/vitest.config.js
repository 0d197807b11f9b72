import { availableParallelism } from "node:os";
import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

// At least two workers: Vitest's default is one fewer than the cores, a single worker on a 2-core
// machine, which ran the two halves of the hostile-input suite (a minute of CPU) one after the other.
export default mergeConfig(dextVitestConfig(), { test: { maxWorkers: Math.max(2, availableParallelism() - 1) } });
