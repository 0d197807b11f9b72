// The host's chrome, driven as a person uses it: tabs, the light/dark switch, reload on save.
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import { buildPlainFixture, plainFixtureDir } from "./testing/build-plain-fixture.ts";
import { closeContexts, sharedChromium } from "./testing/shared-chromium.ts";
import { openExtensionTab } from "./testing/open-extension.ts";
import type { Browser, Frame, Page } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";

let host: DesktopHost;
let browser: Browser;
let page: Page;

function extensionFrame(): Frame {
  const found = page.frames().find((candidate) => candidate.url().includes("/x/plain-extension/ui/"));
  if (found === undefined) throw new Error("extension frame not found");
  return found;
}

beforeAll(async () => {
  await buildPlainFixture();
  host = await startDesktopHost({ folders: [plainFixtureDir], logger: silentLogger });
  browser = await sharedChromium();
  page = await browser.newPage();
  await openExtensionTab(page, host.url, "plain-extension");
}, 60_000);

afterAll(async () => {
  await closeContexts(browser);
  await host.stop();
});

describe("the dashboard", () => {
  it("lists each installed extension as a tab with its title and backend state", async () => {
    const tab = page.getByRole("tab", { name: "Plain extension" });
    await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");
    await expect(tab.locator(".state").getAttribute("data-state")).resolves.toBe("running");
  });

  it("changes what prefers-color-scheme answers inside the extension when the theme switch changes", async () => {
    const dark = () => extensionFrame().evaluate<boolean>(`window.matchMedia("(prefers-color-scheme: dark)").matches`);
    await page.selectOption("#scheme", "light");
    await expect(dark()).resolves.toBe(false);
    const heard = extensionFrame().evaluate<boolean>(
      `new Promise((resolve) => window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", (event) => resolve(event.matches)))`,
    );
    await page.selectOption("#scheme", "dark");
    await expect(heard).resolves.toBe(true);
    await expect(dark()).resolves.toBe(true);
  });

  it("opens the extension in the scheme chosen before, from its first render", async () => {
    await page.selectOption("#scheme", "dark");
    await page.reload();
    await page.frameLocator("main iframe").locator("h1").waitFor();
    await expect(
      extensionFrame().evaluate<boolean>(`window.matchMedia("(prefers-color-scheme: dark)").matches`),
    ).resolves.toBe(true);
  });

  it("reloads the open tab when a file of its UI changes", async () => {
    await extensionFrame().evaluate(`window.beforeReload = true`);
    await buildPlainFixture();
    // A marker set before the change is gone once the tab has reloaded.
    // The tab is on its own origin, so the marker is read from inside it, not from the dashboard.
    await expect
      .poll(
        () =>
          extensionFrame()
            .evaluate<boolean>(`window.beforeReload === undefined && document.readyState === "complete"`)
            .catch(() => false),
        { timeout: 10_000 },
      )
      .toBe(true);
  });
});
