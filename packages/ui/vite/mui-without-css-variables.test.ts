// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { muiWithoutCssVariables } from "./index.js";
import { pageBuilder } from "./test-support/build-page.js";
import type { PageBuilder } from "./test-support/build-page.js";

// A palette key only MUI's CSS-variables theme builder names: present exactly when that builder is bundled.
const cssVariablesBuilder = "SpeedDialAction";

const page = (extra: string[] = []) =>
  [
    'import { createElement } from "react";',
    'import { createRoot } from "react-dom/client";',
    'import { Box, Button, GlobalStyles } from "@mui/material";',
    ...extra,
    "createRoot(document.getElementById('root')).render(createElement(Box, null, createElement(GlobalStyles, { styles: {} }), createElement(Button, null, 'Go')));",
  ].join("\n");

describe("muiWithoutCssVariables in a production build", () => {
  let pages: PageBuilder;
  beforeAll(async () => {
    pages = await pageBuilder();
  });
  afterAll(() => pages.remove());

  // Real builds of the same page with and without the plugin: seconds each on a loaded machine.
  it("leaves MUI's CSS-variables theme builder out of a page that renders Box and Button", { timeout: 90_000 }, async () => {
    const stock = await pages.build("stock", page(), []);
    const plain = await pages.build("plain", page(), [muiWithoutCssVariables()]);
    expect(stock.includes(cssVariablesBuilder)).toBe(true);
    expect(plain.includes(cssVariablesBuilder)).toBe(false);
    expect(plain.length, `${plain.length} vs ${stock.length} bytes`).toBeLessThan(stock.length - 15_000);
  });

  it("keeps an extension's own createTheme, CSS variables and all", { timeout: 60_000 }, async () => {
    const own = page(['import { createTheme } from "@mui/material/styles";', "window.theme = createTheme({ cssVariables: true });"]);
    const built = await pages.build("own-theme", own, [muiWithoutCssVariables()]);
    expect(built.includes(cssVariablesBuilder)).toBe(true);
  });

  it("warns, and changes nothing, when MUI has no plain builder beside its fallback theme", async () => {
    type Hook = (this: unknown, ...args: unknown[]) => unknown;
    const plugin = muiWithoutCssVariables() as unknown as Record<"buildStart" | "resolveId" | "buildEnd", Hook>;
    const warnings: string[] = [];
    const build = { resolve: () => Promise.resolve(null), warn: (message: string) => warnings.push(message) };
    plugin.buildStart.call(build);
    const id = await plugin.resolveId.call(build, "./defaultTheme.js", "/app/node_modules/@mui/material/styles/styled.js", {});
    plugin.buildEnd.call(build);
    expect(id).toBeNull();
    expect(warnings).toEqual([expect.stringContaining("CSS-variables theme builder stays in the bundle")]);
  });
});
