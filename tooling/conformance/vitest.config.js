import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig({ testTimeout: 60_000 }), {
  test: {
    // The browser file installs every case in one host and drives one Chromium: it needs the two
    // cores CI has more than the validate file needs them in parallel.
    fileParallelism: false,
    // The files then run in one worker, which need not re-import the host, the metadata CLI and
    // playwright-core for each (17.5 -> 15.1 s of CPU alone). Safe: the one environment change
    // (host.test.ts's DOCKER_HOST) is undone after that file, and a shuffled order passes.
    isolate: false,
  },
});
