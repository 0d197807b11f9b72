// @vitest-environment node
/// <reference types="node" />
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preactAliases, preactCompat } from "./index.js";
import { pageBuilder } from "./testing/build-page.ts";
import type { PageBuilder } from "./testing/build-page.ts";

describe("preactAliases", () => {
  it("points every React entry at a Preact file that exists", () => {
    const aliases = preactAliases();
    const sources = aliases.map((alias) => alias.find.source);
    expect(sources).toEqual([
      "^react$",
      "^react\\-dom$",
      "^react\\-dom\\/client$",
      "^react\\/jsx\\-runtime$",
      "^react\\/jsx\\-dev\\-runtime$",
    ]);
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
  let pages: PageBuilder;
  beforeAll(async () => {
    pages = await pageBuilder();
  });
  afterAll(() => pages.remove());

  const counter = [
    'import { createElement, useState } from "react";',
    'import { createRoot } from "react-dom/client";',
    "function Counter() { const [count, setCount] = useState(0); return createElement('button', { onClick: () => setCount(count + 1) }, String(count)); }",
    "createRoot(document.getElementById('root')).render(createElement(Counter));",
  ].join("\n");

  // Real builds of the same page with and without the plugin: seconds on a loaded machine.
  it("ships Preact instead of react-dom, a fraction of its size", { timeout: 60_000 }, async () => {
    const withReact = await pages.build("react", counter, []);
    const withPreact = await pages.build("preact", counter, [preactCompat()]);
    // react-dom links its error decoder pages in every production build; Preact has no such page.
    expect(withReact.includes("react.dev/errors")).toBe(true);
    expect(withPreact.includes("react.dev/errors")).toBe(false);
    expect(withPreact.length, `${withPreact.length} vs ${withReact.length} bytes`).toBeLessThan(withReact.length / 4);
  });
});
