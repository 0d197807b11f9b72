// What a newcomer sees first in `pnpm start` on a machine without a Docker engine: the tab, and in
// it one sentence saying what the backend needs and the command that gets it, not "restart Docker
// Desktop" (nothing here is Docker Desktop).
import { fileURLToPath } from "node:url";
import { launchChromium, openExtensionTab, silentLogger, startDesktopHost } from "@dext/desktop/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser, FrameLocator } from "playwright-core";

const sampleDir = fileURLToPath(new URL("..", import.meta.url));
let host: DesktopHost;
let browser: Browser;
let tab: FrameLocator;

beforeAll(async () => {
  // No engine, even on a machine that has one: with an engine the host would build the image.
  process.env.DOCKER_HOST = "unix:///nonexistent/dext-no-engine.sock";
  host = await startDesktopHost({ folders: [sampleDir], logger: silentLogger });
  browser = await launchChromium();
  tab = await openExtensionTab(await browser.newPage(), host.url, "compose-volumes");
}, 60_000);

afterAll(async () => {
  await browser.close();
  await host.stop();
});

describe("compose-volumes in the host's folder mode", () => {
  it("says its backend is a compose stack that needs a Docker engine, and how to run it", async () => {
    const alert = tab.getByRole("alert").filter({ hasText: "Docker Compose stack" });
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.innerText();
    expect(text).toContain("Docker engine");
    expect(text).toContain("restart the host");
    expect(text).toContain("dext-desktop --image");
    expect(text).not.toContain("restart Docker Desktop");
  }, 40_000);
});
