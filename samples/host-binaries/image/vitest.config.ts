import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The image tests build the extension image and run it in a Docker Engine, so they have their own
// config and script (`test:image`): the sample's `test` script (vitest.config.ts) never runs them.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  // Workspace packages (the dext host) from source, as in the other test configs.
  resolve: { conditions: ["@dext/source"] },
  ssr: { resolve: { conditions: ["@dext/source"] } },
  test: {
    environment: "node",
    include: ["image/**/*.test.ts"],
    testTimeout: 60_000,
    // A first build downloads the workspace's dependencies into the image; later ones hit the cache.
    hookTimeout: 10 * 60_000,
  },
});
