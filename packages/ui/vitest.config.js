import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig({ environment: "jsdom" }), {
  test: {
    // vite/ (the build-time entry) keeps its tests beside it.
    include: ["src/**/*.test.{ts,tsx}", "vite/**/*.test.ts"],
    // Docker's theme packages declare "type": "commonjs" but ship ESM syntax; Node cannot load
    // them as they are, so Vite transforms them instead.
    server: { deps: { inline: [/@docker\//] } },
    // One worker runs many files, so jsdom, React and MUI load once per worker instead of once per
    // file. Safe here: no file leaves global state behind (Vitest unstubs globals before every test, Testing Library
    // unmounts after every test, src keeps no module-level cache), and a shuffled file order passes.
    pool: "threads",
    isolate: false,
    // renderThemed stubs matchMedia and most files using it never unstub: without this a file could
    // find the previous file's dark scheme still stubbed (seen: DextProvider's default-palette test).
    unstubGlobals: true,
    // Type-level tests (*.test-d.ts) are `typecheck`'s: tsgo over this package's tsconfig, which
    // includes them, fails on any expectTypeOf that does not hold. Vitest's typecheck mode ran the
    // same tsgo over the same files a second time (about 3 s of CPU in every `pnpm test`).
  },
});
