// @vitest-environment node
/// <reference types="node" />
// prerenderFirstView() + mountExtension(): the tab's first view is in index.html, shown while the
// page is parsed, and React hydrates that very markup. Proven in Chromium with the UI's script held
// back, so what is seen before it runs is the prerender, and what works after is React's.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium } from "@dext/desktop/testing";
import react from "@vitejs/plugin-react";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagedDockerThemes } from "../src/theme-globals.ts";
import { prerenderFirstView } from "./index.js";
import { pageBuilder, previewPage } from "./testing/build-page.ts";
import type { PageBuilder, PreviewedPage } from "./testing/build-page.ts";

const appSource = `
import { Button, Stack, Typography } from "@mui/material";
import { AfterFirstView, DesktopGate } from "@dext/ui";
import { useState } from "react";

export function App() {
  const [count, setCount] = useState(0);
  return (
    <Stack spacing={2}>
      <Typography variant="h1">Prerendered page</Typography>
      <DesktopGate>
        {(client) => (
          <Button variant="contained" onClick={() => { setCount(count + 1); client.desktopUI.toast.success("clicked"); }}>
            Clicked {count}
          </Button>
        )}
      </DesktopGate>
      <AfterFirstView>
        <Typography>Shown once hydrated</Typography>
      </AfterFirstView>
    </Stack>
  );
}
`;
const mainSource = `
import { mountExtension } from "@dext/ui";
import { App } from "./app.tsx";
mountExtension(<App />);
`;

/** `#rrggbb` as getComputedStyle writes it. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${String(r)}, ${String(g)}, ${String(b)})`;
}

function backgroundDefault(scheme: "light" | "dark"): string {
  const background = packagedDockerThemes[scheme].palette?.background;
  return rgb(background?.default ?? "");
}

/** What Desktop (here, the dext host) injects before the page's scripts: a client and its themes. */
function desktopInjection(themes: unknown): string {
  return `window.__toasts = 0;
    window.ddClient = { desktopUI: { toast: { success: () => { window.__toasts++; }, warning() {}, error() {} } }, host: { platform: "linux", arch: "x64", hostname: "t" } };
    window.__ddMuiV6Themes = ${JSON.stringify(themes)};`;
}

describe("a tab built with prerenderFirstView(), in Chromium", { timeout: 60_000 }, () => {
  let pages: PageBuilder;
  let server: PreviewedPage;
  let browser: Browser;
  let html = "";
  let url = "";

  beforeAll(async () => {
    pages = await pageBuilder();
    // A release build, JSX runtime included: Vitest's NODE_ENV=test would make the React plugin
    // emit development JSX calls that the production React of the bundle does not have.
    const testMode = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    const outDir = await pages.buildApp(
      "prerendered-page",
      mainSource,
      [react(), prerenderFirstView({ app: "app.tsx" })],
      {
        "app.tsx": appSource,
      },
    );
    process.env.NODE_ENV = testMode;
    html = await readFile(join(outDir, "index.html"), "utf8");
    server = await previewPage(outDir);
    url = server.url;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await pages.remove();
  });

  /** Until React owns the page's button: a click before that reaches no handler (nothing is listening yet). */
  async function hydrated(page: Page): Promise<void> {
    await page.waitForFunction(() =>
      Object.keys(document.querySelector("button") ?? {}).some((key) => key.startsWith("__reactProps$")),
    );
  }

  /** A page whose module scripts wait until `release()`, with every error it logs collected. */
  async function openHeldBack(context: BrowserContext): Promise<{ page: Page; errors: string[]; release: () => void }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(message.text());
    });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/assets/*.js", async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(url, { waitUntil: "commit" });
    return { page, errors, release };
  }

  it("writes the first view into index.html for light and dark, as inert text, with the chooser script", () => {
    for (const scheme of ["light", "dark"]) {
      const element = new RegExp(`<script type="application/json" id="dext-first-view-${scheme}">(.*?)</script>`).exec(
        html,
      );
      const markup = JSON.parse(element?.[1] ?? "null") as string;
      expect(markup).toMatch(/<button[^>]*>Clicked (<!-- -->)?0/);
    }
    expect(html).toContain("__dextFirstViewScheme");
  });

  it("leaves AfterFirstView's part out of the first view: it comes with React", () => {
    for (const scheme of ["light", "dark"]) {
      const element = new RegExp(`<script type="application/json" id="dext-first-view-${scheme}">(.*?)</script>`).exec(
        html,
      );
      const markup = JSON.parse(element?.[1] ?? "null") as string;
      expect(markup).toContain("Prerendered page");
      expect(markup).not.toContain("Shown once hydrated");
    }
  });

  it("shows the first view before the UI's script runs, and React hydrates that markup without a mismatch", async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    await context.addInitScript(desktopInjection(packagedDockerThemes));
    const { page, errors, release } = await openHeldBack(context);
    const button = page.getByRole("button", { name: "Clicked 0" });
    await button.waitFor();
    const prerendered = await button.elementHandle();
    // Docker's light theme, from the prerender's own styles: no script has run.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(backgroundDefault("light"));
    // The chooser removed both schemes' markup once it had shown one.
    expect(await page.evaluate(() => document.querySelectorAll("[id^=dext-first-view-]").length)).toBe(0);
    expect(await page.getByText("Shown once hydrated").count()).toBe(0);
    release();
    await hydrated(page);
    await page.getByText("Shown once hydrated").waitFor();
    // Hydrated, not rebuilt: the node seen before the script is the one React now owns.
    expect(await prerendered.evaluate((element) => element.isConnected)).toBe(true);
    await button.click();
    await page.getByRole("button", { name: "Clicked 1" }).waitFor();
    expect(await page.evaluate("window.__toasts")).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the dark first view where the page prefers dark, and hydrates it", async () => {
    const context = await browser.newContext({ colorScheme: "dark" });
    await context.addInitScript(desktopInjection(packagedDockerThemes));
    const { page, errors, release } = await openHeldBack(context);
    await page.getByRole("button", { name: "Clicked 0" }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(backgroundDefault("dark"));
    release();
    await hydrated(page);
    await page.getByRole("button", { name: "Clicked 0" }).click();
    await page.getByRole("button", { name: "Clicked 1" }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(backgroundDefault("dark"));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("leaves the page to React when Desktop injected another theme than the build rendered", async () => {
    const primary = "#123456";
    const light = {
      ...packagedDockerThemes.light,
      palette: { ...packagedDockerThemes.light.palette, primary: { main: primary } },
    };
    const context = await browser.newContext({ colorScheme: "light" });
    await context.addInitScript(desktopInjection({ light, dark: packagedDockerThemes.dark }));
    const { page, errors, release } = await openHeldBack(context);
    await page.waitForFunction(() => document.querySelectorAll("[id^=dext-first-view-]").length === 0);
    expect(await page.evaluate(() => document.getElementById("root")?.childElementCount)).toBe(0);
    release();
    const button = page.getByRole("button", { name: "Clicked 0" });
    expect(await button.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(rgb(primary));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows no first view outside Desktop: the page renders the kit's notice", async () => {
    const context = await browser.newContext();
    const { page, errors, release } = await openHeldBack(context);
    await page.waitForFunction(() => document.querySelectorAll("[id^=dext-first-view-]").length === 0);
    expect(await page.evaluate(() => document.getElementById("root")?.childElementCount)).toBe(0);
    release();
    await page.getByText(/outside Docker Desktop/).waitFor();
    expect(await page.getByRole("button", { name: "Clicked 0" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
