import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadEsbuild } from "./testing/load-esbuild.ts";
import type { Esbuild, EsbuildOptions } from "./testing/load-esbuild.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

let esbuild: Esbuild;
beforeAll(async () => {
  esbuild = await loadEsbuild();
});

/** Bundles `import * from <specifier>` for a browser, as a UI build would, resolving through package exports. */
function bundleForBrowser(specifier: string): ReturnType<Esbuild["build"]> {
  const options: EsbuildOptions = {
    stdin: { contents: `export * from "${specifier}";`, resolveDir: packageDir, loader: "ts" },
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    conditions: ["@dext/source"],
    metafile: true,
    logLevel: "silent",
  };
  return esbuild.build(options);
}

describe("the browser entry", () => {
  it("bundles @dext/backend/client for a browser with no express and no node: import", async () => {
    const result = await bundleForBrowser("@dext/backend/client");
    const text = result.outputFiles?.map((file) => file.text).join("\n") ?? "";
    const inputs = Object.keys(result.metafile?.inputs ?? {});

    expect(inputs.some((input) => input.endsWith("src/client/index.ts"))).toBe(true);
    // The only third-party code in a UI bundle is zod, which the contract's schemas are made of.
    const packages = new Set(
      inputs
        .map((input) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1])
        .filter((name) => name !== undefined),
    );
    expect([...packages]).toEqual(["zod"]);
    // A word match: zod's French messages say "expression régulière".
    expect(text).not.toMatch(/\bexpress\b/i);
    expect(text).not.toMatch(/["'`]node:/);
    expect(text).toContain("createBackendClient");
  });

  it("is a check that can fail: bundling the server entry, or express, for a browser breaks on Node built-ins", async () => {
    const failureOf = (specifier: string) =>
      bundleForBrowser(specifier).then(
        () => undefined,
        (error: unknown) => error as { errors?: { text: string; location?: { file: string } | null }[] },
      );

    const server = await failureOf("@dext/backend");
    expect(server?.errors?.some((error) => /node:/.test(error.text))).toBe(true);
    expect(server?.errors?.some((error) => error.location?.file.includes("src/serve-on-socket.ts") === true)).toBe(
      true,
    );

    const express = await failureOf("express");
    expect(express?.errors?.length).toBeGreaterThan(0);
    expect(express?.errors?.some((error) => error.location?.file.includes("express") === true)).toBe(true);
  });
});
