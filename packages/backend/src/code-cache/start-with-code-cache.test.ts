import { readFile, stat, truncate } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackendClient } from "../client/create-backend-client.ts";
import { createSocketTransport } from "../socket-transport.ts";
import { greetingContract } from "../testing/greeting-contract.ts";
import { loadEsbuild, nodeBundleCommon } from "../testing/load-esbuild.ts";
import { startBackend } from "../testing/start-backend.ts";
import { makeSocketDir } from "../testing/temp-dir.ts";
import { scriptBundleOptions } from "./script-bundle-options.ts";

const testingDir = fileURLToPath(new URL("../testing", import.meta.url));
let temp: Awaited<ReturnType<typeof makeSocketDir>>;
let bundle: string;
let loader: string;

beforeAll(async () => {
  temp = await makeSocketDir();
  bundle = join(temp.dir, "server.js");
  loader = join(temp.dir, "main.cjs");
  const esbuild = await loadEsbuild();
  const common = nodeBundleCommon;
  // A backend that also uses what a script lacks: import.meta.url, a Node built-in, top-level await.
  const backend = [
    'import { readFileSync } from "node:fs";',
    'import { runBackend } from "../run-backend.ts";',
    'import { greetingContract } from "./greeting-contract.js";',
    'import { greetingHandlers } from "./greeting-handlers.js";',
    "console.log(JSON.stringify({ metaUrl: import.meta.url, readsItself: readFileSync(new URL(import.meta.url), 'utf8').length > 0 }));",
    'await runBackend({ name: "greeting", contract: greetingContract, handlers: greetingHandlers });',
  ].join("\n");
  await esbuild.build({
    ...common,
    ...scriptBundleOptions(),
    stdin: { contents: backend, resolveDir: testingDir, loader: "ts" },
    outfile: bundle,
  });
  const start = [
    'import { join } from "node:path";',
    'import { startWithCodeCache } from "../code-cache/start-with-code-cache.ts";',
    'const started = startWithCodeCache({ bundle: join(__dirname, "server.js") });',
    "console.log(JSON.stringify({ cacheUsed: started.cacheUsed }));",
  ].join("\n");
  await esbuild.build({
    ...common,
    stdin: { contents: start, resolveDir: testingDir, loader: "ts" },
    outfile: loader,
    format: "cjs",
  });
});

afterAll(async () => {
  await temp.remove();
});

/** Starts the loader, answers one request, stops it; resolves with what it printed. */
async function startOnce(): Promise<{ stdout: string; stderr: string }> {
  const backend = await startBackend({ entry: loader, socket: temp.socket(), startTimeoutMs: 15_000 });
  const client = createBackendClient(greetingContract, createSocketTransport(backend.socket));
  expect(await client.hello({ query: { name: "cache" } })).toEqual({ message: "Hello, cache!" });
  // The cache is written just after start-up; give it that moment before stopping.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await backend.stop();
  return { stdout: backend.stdout(), stderr: backend.stderr() };
}

describe("startWithCodeCache", () => {
  it("runs the bundle without a cache, then writes one", async () => {
    const first = await startOnce();

    expect(first.stdout).toContain('{"cacheUsed":false}');
    expect(first.stdout).toContain(JSON.stringify({ metaUrl: pathToFileURL(bundle).href, readsItself: true }));
    expect(first.stderr).toBe("");
    expect((await stat(`${bundle}.cache`)).size).toBeGreaterThan(10_000);
  });

  it("starts from the cache it wrote", async () => {
    const cache = await readFile(`${bundle}.cache`);
    const second = await startOnce();

    expect(second.stdout).toContain('{"cacheUsed":true}');
    expect(second.stderr).toBe("");
    // A cache V8 took is not written again.
    expect(await readFile(`${bundle}.cache`)).toEqual(cache);
  });

  it("compiles as usual when V8 refuses the cache, says so once, and writes a good one", async () => {
    await truncate(`${bundle}.cache`, 64);
    const refused = await startOnce();

    expect(refused.stdout).toContain('{"cacheUsed":false}');
    expect(refused.stderr.match(/DextCodeCacheWarning: V8 refused the code cache/g)).toHaveLength(1);
    // Not byte for byte the first one: what a start-up compiles varies a little.
    expect((await stat(`${bundle}.cache`)).size).toBeGreaterThan(10_000);
    expect((await startOnce()).stdout).toContain('{"cacheUsed":true}');
  });
});
