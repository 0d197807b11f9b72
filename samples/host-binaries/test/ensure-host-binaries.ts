// Vitest's globalSetup for `test` and `test:e2e`: the executables are built (or found current, by
// their sources' hash) before any test reads them. Turbo caches the tests, never the ~500 MB of
// executables, so a test that runs always builds from the sources turbo hashed for it.
import { join } from "node:path";
import { defaultRuntimeCache } from "../build/bun-runtime.ts";
import { buildHostBinaries } from "../build/build-host-binaries.ts";
import { sampleDir } from "./built-binaries.ts";

export default async function ensureHostBinaries(): Promise<void> {
  await buildHostBinaries({
    // Every target: the tests check all five files, and the manifest lists only what was built.
    arch: "all",
    outDir: join(sampleDir, "dist", "host"),
    cacheDir: defaultRuntimeCache(),
    log: (line) => {
      console.log(`host-binaries: ${line}`);
    },
  });
}
