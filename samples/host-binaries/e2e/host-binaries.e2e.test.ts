// The sample as a user meets it: its tab in the dext host (standing for Docker Desktop), in Chromium,
// with the Linux host binary built here installed from where the Dockerfile puts it.
import { fileURLToPath } from "node:url";
import { launchChromium, openExtensionTab, silentLogger, startDesktopHost } from "@dext/desktop/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser, FrameLocator, Page } from "playwright-core";

const sampleDir = fileURLToPath(new URL("..", import.meta.url));
let host: DesktopHost;
let browser: Browser;
let page: Page;
let tab: FrameLocator;

beforeAll(async () => {
  host = await startDesktopHost({ folders: [sampleDir], logger: silentLogger });
  browser = await launchChromium();
  page = await browser.newPage();
  tab = await openExtensionTab(page, host.url, "host-binaries");
}, 60_000);

afterAll(async () => {
  await browser.close();
  await host.stop();
});

describe("host-binaries in the dext host", () => {
  it("installs with its host binary and no problems", () => {
    expect(host.extensions.map((extension) => [extension.id, extension.problems])).toEqual([["host-binaries", []]]);
  });

  it("streams the check into the tool table and the output view, then shows exit 0 and a toast", async () => {
    await tab.getByLabel("Required tools").fill("node");
    await tab.getByRole("button", { name: "Run check" }).click();
    // node is on this machine's PATH: the host itself runs on it.
    const nodeRow = tab.getByRole("table", { name: "Tools" }).getByRole("row").filter({ hasText: /^node/ });
    await nodeRow.waitFor();
    await expect(nodeRow.textContent()).resolves.toContain(`found${process.versions.node}`);
    await tab.getByLabel("Exit status").filter({ hasText: "exit 0: the check ran" }).waitFor();
    await expect(tab.getByRole("log", { name: "host-doctor output" }).textContent()).resolves.toContain(
      '"type":"summary"',
    );
    await page.locator(".toast", { hasText: /\d of 4 tools found/ }).waitFor();
  });

  it("shows exit 2 and the binary's stderr for a tool it does not know", async () => {
    await tab.getByLabel("Required tools").fill("podman");
    await tab.getByRole("button", { name: "Run check" }).click();
    await tab.getByLabel("Exit status").filter({ hasText: "exit 2" }).waitFor();
    await expect(tab.getByRole("log", { name: "host-doctor output" }).textContent()).resolves.toContain(
      "unknown tool podman",
    );
  });

  it("delivers arguments with spaces, quotes, unicode and shell characters intact", async () => {
    const values = ["two words", `it's "quoted"`, "$HOME; echo `id` | cat > /tmp/x", "日本語 ✓ 🐳", "--json"];
    await tab.getByLabel("Arguments, one per line").fill(values.join("\n"));
    await tab.getByRole("button", { name: "Send" }).click();
    const table = tab.getByRole("table", { name: "Arguments received" });
    await table.waitFor();
    await expect(table.getByRole("cell", { name: "yes", exact: true }).count()).resolves.toBe(values.length);
    await expect(table.getByRole("cell", { name: "NO", exact: true }).count()).resolves.toBe(0);
  });
});
