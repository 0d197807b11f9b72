// Commands the host starts for a tab live no longer than the tab wants them: closing the stream,
// closing the tab mid-stream and closing it mid-call each end the command's whole process group,
// including a child that ignores its parent's end. Counted with ps, as a user would look.
import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import { closeContexts, sharedChromium } from "./testing/shared-chromium.ts";
import type { Browser, Page } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";

let dir: string;
let host: DesktopHost;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-life-"));
  const folder = join(dir, "napper");
  await mkdir(join(folder, "ui"), { recursive: true });
  await writeFile(
    join(folder, "metadata.json"),
    JSON.stringify({ ui: { "dashboard-tab": { title: "n", root: "/ui", src: "index.html" } }, vm: { image: "x" } }),
  );
  await writeFile(join(folder, "ui", "index.html"), "<!doctype html><html><head></head><body>napper</body></html>");
  // A background child that outlives its parent unless the whole group is signalled.
  await writeFile(join(folder, "nap.sh"), '#!/bin/sh\nsleep "$1" &\necho napping\nsleep "$1"\n');
  await chmod(join(folder, "nap.sh"), 0o755);
  host = await startDesktopHost({ folders: [folder], logger: silentLogger });
  browser = await sharedChromium();
}, 60_000);

afterAll(async () => {
  await closeContexts(browser);
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

/** How many `sleep <seconds>` processes this machine has now. */
function sleepers(seconds: number): number {
  return execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.trim() === `sleep ${seconds}`).length;
}

async function openTab(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${host.origins.get("napper") ?? ""}/x/napper/ui/index.html`);
  await page.waitForFunction("window.ddClient !== undefined");
  return page;
}

const poll = { timeout: 10_000, interval: 100 };

describe("a command started from a tab", () => {
  it("ends with its whole process group when the page closes its stream", async () => {
    const page = await openTab();
    await page.evaluate(`new Promise((resolve) => {
      const proc = window.ddClient.extension.vm.cli.exec("./nap.sh", ["61"], { stream: {
        onOutput: (data) => { if (data.stdout && data.stdout.includes("napping")) { window.napping = proc; resolve(); } },
      } });
    })`);
    await expect.poll(() => sleepers(61), poll).toBe(2);
    await page.evaluate("window.napping.close()");
    await expect.poll(() => sleepers(61), poll).toBe(0);
    // The host learns of the group's exit from its child's exit event, a moment after ps does.
    await expect.poll(() => host.runningProcesses(), poll).toBe(0);
    await page.close();
  }, 30_000);

  it("ends with its whole process group when the tab closes mid-stream", async () => {
    const page = await openTab();
    await page.evaluate(`new Promise((resolve) => {
      window.ddClient.extension.vm.cli.exec("./nap.sh", ["62"], { stream: {
        onOutput: (data) => { if (data.stdout && data.stdout.includes("napping")) resolve(); },
      } });
    })`);
    await expect.poll(() => sleepers(62), poll).toBe(2);
    await page.close();
    await expect.poll(() => sleepers(62), poll).toBe(0);
    await expect.poll(() => host.runningProcesses(), poll).toBe(0);
  }, 30_000);

  it("ends with its whole process group when the tab closes while it waits for a buffered result", async () => {
    const page = await openTab();
    await page.evaluate(`void window.ddClient.extension.vm.cli.exec("./nap.sh", ["63"])`);
    await expect.poll(() => sleepers(63), poll).toBe(2);
    await page.close();
    await expect.poll(() => sleepers(63), poll).toBe(0);
    await expect.poll(() => host.runningProcesses(), poll).toBe(0);
  }, 30_000);
});
