// The sample as a user meets it: its tab in the dext host (standing for Docker Desktop), in Chromium,
// with the backend started from the built image layout (dist/) exactly as the Dockerfile lays it out.
import { fileURLToPath } from "node:url";
import { launchChromium, openExtensionTab, startDesktopHost } from "@dext/desktop/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser, FrameLocator, Page } from "playwright-core";

const sampleDir = fileURLToPath(new URL("..", import.meta.url));
let host: DesktopHost;
let browser: Browser;
let page: Page;
let tab: FrameLocator;

beforeAll(async () => {
  host = await startDesktopHost({ folders: [sampleDir], log: () => {} });
  browser = await launchChromium();
  page = await browser.newPage();
  tab = await openExtensionTab(page, host.url, "minimal-backend");
}, 60_000);

afterAll(async () => {
  await browser.close();
  await host.stop();
});

describe("minimal-backend in the dext host", () => {
  it("installs with its backend running", () => {
    expect(host.extensions.map((extension) => [extension.id, extension.vm?.state().state, extension.problems])).toEqual([["minimal-backend", "running", []]]);
  });

  it("renders its tab with Docker's theme", async () => {
    await expect(tab.getByRole("heading", { name: "Minimal backend" }).isVisible()).resolves.toBe(true);
  });

  it("runs hello.sh in the VM with what the user typed and shows its output and a toast", async () => {
    await tab.getByLabel("Your name").fill(`Moby "the whale" & $HOME`);
    await tab.getByRole("button", { name: "Run hello.sh" }).click();
    const status = tab.getByRole("status").filter({ hasText: /^hello\.sh:/ });
    await status.waitFor();
    await expect(status.textContent()).resolves.toMatch(/^hello\.sh: Hello, Moby "the whale" & \$HOME! \(hello\.sh in .+\)$/);
    await page.locator(".toast", { hasText: "hello.sh answered" }).waitFor();
  });

  it("asks the typed backend over the extension socket and shows its answer", async () => {
    await tab.getByLabel("Your name").fill("Moby");
    await tab.getByRole("button", { name: "Ask the backend" }).click();
    // The previous answer stays until the new one arrives: wait for the backend's.
    await tab.getByRole("status").filter({ hasText: "backend: Hello, Moby! (from the backend)" }).waitFor();
    await page.locator(".toast", { hasText: "backend answered" }).waitFor();
  });

  it("shows the backend's validation message for a name that is too long", async () => {
    await tab.getByLabel("Your name").fill("x".repeat(201));
    await tab.getByRole("button", { name: "Ask the backend" }).click();
    await tab.getByRole("alert").filter({ hasText: /backend failed: .*query\.name: Too big/ }).waitFor();
  });

  it("says the backend is unavailable once it has stopped", async () => {
    await host.extensions[0]?.vm?.stop();
    await tab.getByRole("button", { name: "Ask the backend" }).click();
    await tab.getByText(/Backend unavailable/).waitFor({ timeout: 10_000 });
  });
});
