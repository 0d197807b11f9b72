import { dextVitestConfig } from "@dext/vitest-config";
import { configDefaults, defineConfig } from "vitest/config";

const base = dextVitestConfig();
const loadTests = "src/**/*.load.test.ts";

// Two projects built from the shared config by plain spreading (mergeConfig would concatenate
// the include lists). Load tests run after the unit project, one file at a time: they saturate
// the CPU, and the unit project's timing assertions must not run beside them.
export default defineConfig({
  ...base,
  test: {
    projects: [
      {
        ...base,
        test: {
          ...base.test,
          name: "unit",
          exclude: [...configDefaults.exclude, loadTests],
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...base,
        test: { ...base.test, name: "load", include: [loadTests], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
