// The sample as a user meets it: its tab in the dext host (standing for Docker Desktop), in Chromium,
// with the backend started from the built image layout (dist/) exactly as the Dockerfile lays it out.
import { fileURLToPath } from "node:url";
import { launchChromium, openExtensionTab, silentLogger, startDesktopHost } from "@dext/desktop/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAxe } from "./axe.ts";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser, Frame, FrameLocator, Page } from "playwright-core";

const sampleDir = fileURLToPath(new URL("..", import.meta.url));
let host: DesktopHost;
let browser: Browser;
let page: Page;
let tab: FrameLocator;

beforeAll(async () => {
  host = await startDesktopHost({ folders: [sampleDir], logger: silentLogger });
  browser = await launchChromium();
  page = await browser.newPage();
  tab = await openExtensionTab(page, host.url, "minimal-backend");
}, 60_000);

function extensionFrame(): Frame {
  const found = page.frames().find((candidate) => candidate.url().includes("/x/minimal-backend/"));
  if (found === undefined) throw new Error("extension frame not found");
  return found;
}

async function inScheme(scheme: "light" | "dark"): Promise<void> {
  await page.selectOption("#scheme", scheme);
  await extensionFrame().waitForFunction(`window.matchMedia("(prefers-color-scheme: ${scheme})").matches`);
}

/** No axe violations in either theme, apart from Docker's own palette (see axe.ts). */
async function expectAxeClean(): Promise<void> {
  const found: Record<string, string[]> = {};
  for (const scheme of ["light", "dark"] as const) {
    await inScheme(scheme);
    const report = await runAxe(extensionFrame());
    found[scheme] = report.violations;
    if (report.dockerPaletteContrast.length > 0) {
      console.log(
        `axe, ${scheme}: ${String(report.dockerPaletteContrast.length)} contrast failures of Docker's packaged palette (not the kit's):\n  ${report.dockerPaletteContrast.join("\n  ")}`,
      );
    }
  }
  expect(found).toEqual({ light: [], dark: [] });
}

afterAll(async () => {
  await browser.close();
  await host.stop();
});

describe("minimal-backend in the dext host", () => {
  it("installs with its backend running", () => {
    expect(host.extensions.map((extension) => [extension.id, extension.vm?.state().state, extension.problems])).toEqual(
      [["minimal-backend", "running", []]],
    );
  });

  it("renders its tab with Docker's theme", async () => {
    await expect(tab.getByRole("heading", { name: "Minimal backend" }).isVisible()).resolves.toBe(true);
  });

  it("runs hello.sh in the VM with what the user typed and shows its output and a toast", async () => {
    await tab.getByLabel("Your name").fill(`Moby "the whale" & $HOME`);
    await tab.getByRole("button", { name: "Run hello.sh" }).click();
    const status = tab.getByRole("status").filter({ hasText: /^hello\.sh:/ });
    await status.waitFor();
    await expect(status.textContent()).resolves.toMatch(
      /^hello\.sh: Hello, Moby "the whale" & \$HOME! \(hello\.sh in .+\)$/,
    );
    await page.locator(".toast", { hasText: "hello.sh answered" }).waitFor();
  });

  it("asks the typed backend over the extension socket and shows its answer", async () => {
    await tab.getByLabel("Your name").fill("Moby");
    await tab.getByRole("button", { name: "Ask the backend" }).click();
    // The previous answer stays until the new one arrives: wait for the backend's.
    await tab.getByRole("status").filter({ hasText: "backend: Hello, Moby! (from the backend)" }).waitFor();
    await page.locator(".toast", { hasText: "backend answered" }).waitFor();
  });

  it("passes axe (WCAG 2.1 AA, colour contrast included) in light and dark, with its answer shown", async () => {
    await expectAxeClean();
  });

  it("reaches every control with the keyboard, in order", async () => {
    await tab.locator("body").click({ position: { x: 1, y: 1 } });
    const reached: string[] = [];
    for (let step = 0; step < 6; step++) {
      await page.keyboard.press("Tab");
      // The accessible name as a screen reader would say it: aria-label, the <label>, or the text.
      reached.push(
        await extensionFrame().evaluate<string>(
          `(() => { const e = document.activeElement; return e?.getAttribute("aria-label") ?? e?.labels?.[0]?.textContent ?? e?.textContent?.trim() ?? ""; })()`,
        ),
      );
    }
    expect(reached.slice(0, 4)).toEqual([
      "Extensions SDK documentation (opens in your browser)",
      "Your name",
      "Run hello.sh",
      "Ask the backend",
    ]);
  });

  it("shows the backend's validation message for a name that is too long", async () => {
    await tab.getByLabel("Your name").fill("x".repeat(201));
    await tab.getByRole("button", { name: "Ask the backend" }).click();
    await tab
      .getByRole("alert")
      .filter({ hasText: /^backend failedThe backend refused the request\. query\.name: Too big/ })
      .waitFor();
  });

  it("passes axe with the error banner and its details open, in light and dark", async () => {
    await tab.getByRole("button", { name: "Details" }).click();
    await expectAxeClean();
  });

  it("says the backend is unavailable once it has stopped, and offers a retry", async () => {
    await host.extensions[0]?.vm?.stop();
    await tab.getByRole("button", { name: "Ask the backend" }).click();
    await tab.getByText(/The extension's backend is not answering/).waitFor({ timeout: 10_000 });
    await tab.getByRole("button", { name: "Try again" }).waitFor();
  });
});
