import { defineConfig } from "vitest/config";

/**
 * Shared Vitest settings. Tests read package sources through the `@dext/source` export
 * condition, so no package has to be built before its dependants' tests run.
 * @param {{ environment?: "node" | "jsdom", testTimeout?: number }} [options]
 */
export function dextVitestConfig(options = {}) {
  return defineConfig({
    // mainFields: Docker's @docker/extension-api-client has only a "browser" entry (no "main"), which
    // Vitest's resolver skips unless it is named. Packages Node loads itself are not affected.
    resolve: { conditions: ["@dext/source"], mainFields: ["browser", "module", "jsnext:main", "jsnext"] },
    ssr: { resolve: { conditions: ["@dext/source"] } },
    test: {
      environment: options.environment ?? "node",
      include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "backend/**/*.test.ts", "ui/**/*.test.{ts,tsx}"],
      testTimeout: options.testTimeout ?? 15_000,
      hookTimeout: 30_000,
      restoreMocks: true,
    },
  });
}
