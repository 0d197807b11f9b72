// @vitest-environment node
/// <reference types="node" />
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstViewBudget, FirstViewError, firstViewScripts } from "./index.js";

let dir: string;
const page = (html: string) => writeFile(join(dir, "dist/ui/index.html"), html);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-first-view-"));
  await mkdir(join(dir, "dist/ui"), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("firstViewScripts", () => {
  it("lists the entry script and the chunks index.html modulepreloads, not lazy chunks or styles", async () => {
    // As Vite writes a page with base "./": the entry, two preloads, a stylesheet.
    await page(
      [
        "<!doctype html><html><head>",
        '<script type="module" crossorigin src="./assets/index-B1a2.js"></script>',
        '<link rel="modulepreload" crossorigin href="./assets/react-C3d4.js">',
        '<link rel="modulepreload" crossorigin href="./assets/mui-D5e6.js">',
        '<link rel="stylesheet" crossorigin href="./assets/index-E7f8.css">',
        '</head><body><div id="root"></div></body></html>',
      ].join("\n"),
    );
    expect(firstViewScripts(dir)).toEqual([
      "dist/ui/assets/index-B1a2.js",
      "dist/ui/assets/react-C3d4.js",
      "dist/ui/assets/mui-D5e6.js",
    ]);
  });

  it('reads root-relative URLs too (base "/"), and a package folder given as a URL', async () => {
    await page('<script type="module" src="/assets/index-B1a2.js"></script>');
    expect(firstViewScripts(new URL(`file://${dir}/`))).toEqual(["dist/ui/assets/index-B1a2.js"]);
  });

  it("refuses a page that loads no script, so a budget cannot pass by measuring nothing", async () => {
    await page("<p>static</p>");
    expect(() => firstViewScripts(dir)).toThrow(FirstViewError);
  });

  it("refuses a UI that was never built, naming the page", () => {
    expect(() => firstViewScripts(dir, "out/ui")).toThrow(/out\/ui\/index\.html: build the UI first/);
  });
});

describe("firstViewBudget", () => {
  it("limits the first view, gzip, to the measured figure plus 5%", async () => {
    await page('<script type="module" src="./assets/index-B1a2.js"></script>');
    expect(firstViewBudget(dir, { measuredBytes: 100_000 })).toMatchObject({
      path: ["dist/ui/assets/index-B1a2.js"],
      gzip: true,
      limit: "105000 B",
    });
  });
});
