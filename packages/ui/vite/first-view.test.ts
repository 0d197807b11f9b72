// @vitest-environment node
/// <reference types="node" />
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FirstViewError, firstViewScripts } from "./index.js";

describe("firstViewScripts", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "dext-first-view-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("lists the entry script and the chunks index.html modulepreloads, not lazy chunks or styles", async () => {
    // As Vite 8 writes a page with base "./": the entry, two preloads, a stylesheet.
    await writeFile(
      join(dir, "index.html"),
      [
        "<!doctype html><html><head>",
        '<script type="module" crossorigin src="./assets/index-B1a2.js"></script>',
        '<link rel="modulepreload" crossorigin href="./assets/react-C3d4.js">',
        '<link rel="modulepreload" crossorigin href="./assets/mui-D5e6.js">',
        '<link rel="stylesheet" crossorigin href="./assets/index-E7f8.css">',
        '</head><body><div id="root"></div></body></html>',
      ].join("\n"),
    );
    expect(firstViewScripts(dir)).toEqual([join(dir, "assets/index-B1a2.js"), join(dir, "assets/react-C3d4.js"), join(dir, "assets/mui-D5e6.js")]);
  });

  it("reads root-relative URLs too (base \"/\")", async () => {
    await writeFile(join(dir, "index.html"), '<script type="module" src="/assets/index-B1a2.js"></script>');
    expect(firstViewScripts(dir)).toEqual([join(dir, "assets/index-B1a2.js")]);
  });

  it("refuses a page that loads no script, so a budget cannot pass by measuring nothing", async () => {
    await writeFile(join(dir, "index.html"), "<p>static</p>");
    expect(() => firstViewScripts(dir)).toThrow(FirstViewError);
  });

  it("refuses a folder that was never built, naming the file", () => {
    expect(() => firstViewScripts(join(dir, "missing"))).toThrow(/missing\/index\.html.*build the UI first/);
  });
});
