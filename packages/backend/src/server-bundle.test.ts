import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { backendBuildOptions } from "./build/bundle-backend.ts";
import type { BuildResult } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

type BundleResult = BuildResult<{ write: false; metafile: true }>;

/** Bundles a backend entry as the samples ship it (`backendBuildOptions`), kept in memory with its metafile. */
function bundleForNode(entry: { file: string } | { contents: string }): Promise<BundleResult> {
  return build({
    ...backendBuildOptions({ entryPoints: "file" in entry ? [entry.file] : [], logLevel: "silent" }),
    ...("contents" in entry ? { stdin: { contents: entry.contents, resolveDir: packageDir, loader: "ts" } } : {}),
    write: false,
    metafile: true,
  });
}

/** The zod locale files whose code is in the bundle: esbuild reads them all, and drops what is unused. */
function zodLocalesOf(result: BundleResult): string[] {
  const outputs = Object.values(result.metafile.outputs);
  return outputs.flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && input.includes("zod/v4/locales/"))
      .map(([input]) => input),
  );
}

// What a backend parses and runs before its socket listens is its cold start (docs/benchmarks.md).
describe("a bundled backend", () => {
  it("keeps only the zod it uses and loads no node:crypto before it listens", async () => {
    const result = await bundleForNode({
      file: fileURLToPath(new URL("testing/greeting-backend.ts", import.meta.url)),
    });
    const text = result.outputFiles.map((file) => file.text).join("\n");

    // English is zod's default error map; the other locales only come with `import { z }`.
    expect(zodLocalesOf(result).map((input) => input.replace(/.*\//, ""))).toEqual(["en.js"]);
    // Request and job ids take node:crypto on first use (globalThis.crypto), not at start.
    expect(text).not.toMatch(/from "node:crypto"/);
    expect(text).toContain("runBackend");
  });

  it("is a check that can fail: a contract written with `import { z }` brings every locale", async () => {
    const result = await bundleForNode({
      contents: 'import { z } from "zod";\nexport const schema = z.object({ name: z.string() });',
    });

    expect(zodLocalesOf(result).length).toBeGreaterThan(30);
  });
});
