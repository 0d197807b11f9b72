// @vitest-environment node
/// <reference types="node" />
// preactCompat() is opt-in: what ships is React. This proves the trade still works for an author who
// takes it: a page built from the kit's own pieces with the plugin renders in Chromium with
// Docker's theme, answers clicks and typing, shows a lazy view, and logs no error.
import { launchChromium } from "@dext/desktop/testing";
import react from "@vitejs/plugin-react";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagedDockerThemes } from "../src/theme-globals.ts";
import { preactCompat } from "./index.js";
import { pageBuilder, previewPage } from "./testing/build-page.ts";
import type { PageBuilder, PreviewedPage } from "./testing/build-page.ts";

const app = `
import { Button, Stack, Typography } from "@mui/material";
import { DextProvider, TextInput, lazyView } from "@dext/ui";
import { useState } from "react";
import { createRoot } from "react-dom/client";

function Shown() {
  return <p id="later">lazy view shown</p>;
}
const Later = lazyView(() => Promise.resolve(Shown));

function Counter() {
  const [count, setCount] = useState(0);
  const [name, setName] = useState("");
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Preact page</Typography>
      <Button variant="contained" onClick={() => { setCount(count + 1); }}>Clicked {count}</Button>
      <TextInput label="Name" value={name} onChange={(event) => { setName(event.target.value); }} />
      <p id="echo">Hello {name}</p>
      {count > 0 && <Later />}
    </Stack>
  );
}

createRoot(document.getElementById("root")!).render(<DextProvider><Counter /></DextProvider>);
`;

/** Docker's light primary colour, as its packaged theme states it. */
function primaryMain(): string {
  const primary = packagedDockerThemes.light.palette?.primary;
  return primary !== undefined && "main" in primary ? primary.main : "";
}

/** `#rrggbb` as getComputedStyle writes it. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${String(r)}, ${String(g)}, ${String(b)})`;
}

describe("a page built with preactCompat(), in Chromium", () => {
  let pages: PageBuilder;
  let server: PreviewedPage;
  let browser: Browser;
  let script = "";

  beforeAll(async () => {
    pages = await pageBuilder();
    const outDir = await pages.buildApp("preact-page", app, [react(), preactCompat()]);
    const { readdir, readFile } = await import("node:fs/promises");
    for (const file of await readdir(`${outDir}/assets`))
      if (file.endsWith(".js")) script += await readFile(`${outDir}/assets/${file}`, "utf8");
    server = await previewPage(outDir);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await pages.remove();
  });

  it("ships Preact, not react-dom", () => {
    expect(script).not.toContain("react.dev/errors");
    expect(script.length).toBeGreaterThan(0);
  });

  it("renders the kit in Docker's theme, answers a click and typing, and shows a lazy view, with no error logged", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      // vite preview has no favicon; anything else the page logs as an error fails the test.
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(message.text());
    });
    await page.goto(server.url);
    const button = page.getByRole("button", { name: "Clicked 0" });
    // Docker's light theme colours a contained button in its primary colour, not MUI's default blue.
    const background = await button.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe(rgb(primaryMain()));
    await button.click();
    await page.getByRole("button", { name: "Clicked 1" }).waitFor();
    await page.getByLabel("Name").fill("Ada");
    await page.getByText("Hello Ada").waitFor();
    await page.locator("#later").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
