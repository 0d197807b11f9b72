import { availableParallelism } from "node:os";
import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig(), {
  test: {
    // At least two workers: Vitest's default is one fewer than the cores, a single worker on a
    // 2-core machine, which ran the two halves of the hostile-input suite (a minute of CPU) one
    // after the other.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker runs file after file without re-importing the CLI, its schemas and parsers each
    // time: 32 -> 24 s of CPU for the suite. Safe here: the one chdir (cli.test.ts) is undone in a
    // finally, no file sets process.env, and a shuffled order passes. Forks, not threads: workers
    // cannot chdir.
    isolate: false,
  },
});
