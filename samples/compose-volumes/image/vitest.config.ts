import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The engine and image tests need a Docker engine, so they have their own config and script
// (`test:image`): the sample's `test` script never runs them. The global setup finds or starts an
// engine and builds the image once for every file.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  // Workspace packages (the dext host, @dext/backend) from source, as in the other test configs.
  resolve: { conditions: ["@dext/source"] },
  ssr: { resolve: { conditions: ["@dext/source"] } },
  test: {
    environment: "node",
    include: ["image/**/*.test.ts"],
    globalSetup: ["image/global-setup.ts"],
    // One engine, two cores: files one after another keep timings readable and containers few.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
