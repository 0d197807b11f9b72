// @vitest-environment node
/// <reference types="node" />
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preactAliases, preactCompat } from "./index.js";

describe("preactAliases", () => {
  it("points every React entry at a Preact file that exists", () => {
    const aliases = preactAliases();
    const sources = aliases.map((alias) => alias.find.source);
    expect(sources).toEqual(["^react$", "^react\\-dom$", "^react\\-dom\\/client$", "^react\\/jsx\\-runtime$", "^react\\/jsx\\-dev\\-runtime$"]);
    for (const alias of aliases) expect(existsSync(alias.replacement), alias.replacement).toBe(true);
  });

  it("matches whole specifiers only, so react-dom/server or react-is are left alone", () => {
    const [react] = preactAliases();
    expect(react?.find.test("react")).toBe(true);
    expect(react?.find.test("react-is")).toBe(false);
    expect(react?.find.test("react/jsx-runtime")).toBe(false);
  });
});

describe("preactCompat in a production build", () => {
  let dir: string;
  beforeAll(async () => {
    // Inside the package, so the page resolves react and react-dom from @dext/ui's node_modules.
    const cache = fileURLToPath(new URL("../.cache/", import.meta.url));
    await mkdir(cache, { recursive: true });
    dir = await mkdtemp(join(cache, "preact-build-"));
    await writeFile(join(dir, "index.html"), '<div id="root"></div><script type="module" src="./main.js"></script>');
    await writeFile(
      join(dir, "main.js"),
      [
        'import { createElement, useState } from "react";',
        'import { createRoot } from "react-dom/client";',
        "function Counter() { const [count, setCount] = useState(0); return createElement('button', { onClick: () => setCount(count + 1) }, String(count)); }",
        "createRoot(document.getElementById('root')).render(createElement(Counter));",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function builtScript(plugins: ReturnType<typeof preactCompat>[]): Promise<string> {
    const outDir = join(dir, `dist-${plugins.length}`);
    // Vitest sets NODE_ENV=test, which would pick React's development build; a release build is the point.
    await build({
      root: dir,
      base: "./",
      mode: "production",
      logLevel: "silent",
      configFile: false,
      define: { "process.env.NODE_ENV": JSON.stringify("production") },
      plugins,
      build: { outDir },
    });
    const assets = await readdir(join(outDir, "assets"));
    const script = assets.find((name) => name.endsWith(".js"));
    if (script === undefined) throw new Error(`no script in ${assets.join(", ")}`);
    return readFile(join(outDir, "assets", script), "utf8");
  }

  // Real builds of the same page with and without the plugin: seconds on a loaded machine.
  it("ships Preact instead of react-dom, a fraction of its size", { timeout: 60_000 }, async () => {
    const withReact = await builtScript([]);
    const withPreact = await builtScript([preactCompat()]);
    // react-dom links its error decoder page in every production build; Preact has no such page.
    expect(withReact.includes("error-decoder.html")).toBe(true);
    expect(withPreact.includes("error-decoder.html")).toBe(false);
    expect(withPreact.length, `${withPreact.length} vs ${withReact.length} bytes`).toBeLessThan(withReact.length / 4);
  });
});
