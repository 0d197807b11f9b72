import { dextVitestConfig } from "@dext/vitest-config";
import { configDefaults, defineConfig } from "vitest/config";

const base = dextVitestConfig();
const loadTests = "src/**/*.load.test.ts";
// Files that must start in a process where classic zod never loaded (it registers English messages
// globally, which would hide a client that forgot to): Vitest gives each its own module graph.
const freshModuleTests = ["src/client/zod-messages.test.ts"];

// Three projects built from the shared config by plain spreading (mergeConfig would concatenate
// the include lists).
// - unit: every other file, sharing one module graph per worker (isolate: false), which saves
//   over a third of the project's CPU (Express, zod and the runtime are loaded once per worker,
//   not once per file). The files leave no global state behind: they passed in shuffled file
//   orders (`--sequence.shuffle.files`), and restoreMocks undoes their spies.
// - fresh: the files above, isolated.
// - load: after the others, one file at a time: they saturate the CPU, and the unit project's
//   timing assertions must not run beside them.
export default defineConfig({
  ...base,
  test: {
    projects: [
      {
        ...base,
        test: {
          ...base.test,
          name: "unit",
          exclude: [...configDefaults.exclude, loadTests, ...freshModuleTests],
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...base,
        test: { ...base.test, name: "fresh", include: freshModuleTests, sequence: { groupOrder: 0 } },
      },
      {
        ...base,
        test: { ...base.test, name: "load", include: [loadTests], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
