// Dev mode (`pnpm dev`), driven as an author uses it: a copy of minimal-backend in the host with
// --dev, its tab open in Chromium; a component edited shows without a reload, a handler edited
// answers the next call. The sample itself is never edited. Timeouts are generous: the machine is
// shared and nothing here is timed.
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.js";
import { copySampleForDev } from "./testing/dev-copy.js";
import { launchChromium } from "./testing/launch-chromium.js";
import { openExtensionTab } from "./testing/open-extension.js";
import type { Browser, Frame, Page } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.js";

let copy: { root: string; dir: string } | undefined;
let host: DesktopHost | undefined;
let browser: Browser | undefined;
let page: Page;
const logs: string[] = [];

function tab(): Frame {
  const found = page.frames().find((candidate) => candidate.url().includes("/x/minimal-backend/ui/"));
  if (found === undefined) throw new Error("minimal-backend's frame not found");
  return found;
}

async function edit(relative: string, from: string, to: string): Promise<void> {
  if (copy === undefined) throw new Error("no copy");
  const path = join(copy.dir, relative);
  const text = await readFile(path, "utf8");
  if (!text.includes(from)) throw new Error(`${relative} no longer contains ${from}`);
  // As most editors save: a new file renamed over the old one. After an in-place rewrite, under
  // load, Vite sometimes kept serving the previous version (docs/benchmarks.md, Dev mode).
  await writeFile(`${path}.tmp`, text.replace(from, to));
  await rename(`${path}.tmp`, path);
}

/** A raw WebSocket upgrade to the extension's origin; resolves to the status line the host answered. */
function upgradeStatus(port: number, path: string, origin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const call = request({
      host: "127.0.0.1",
      port,
      path,
      headers: { connection: "Upgrade", upgrade: "websocket", origin, "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-protocol": "vite-hmr" },
    });
    call.on("upgrade", (answer, socket) => {
      socket.destroy();
      resolve(String(answer.statusCode));
    });
    call.on("response", (answer) => {
      answer.resume();
      resolve(String(answer.statusCode));
    });
    call.on("error", reject);
    call.end();
  });
}

beforeAll(async () => {
  copy = await copySampleForDev("minimal-backend");
  const started = await startDesktopHost({ folders: [copy.dir], dev: true, log: (line) => logs.push(line) });
  host = started;
  browser = await launchChromium();
  page = await browser.newPage();
  await openExtensionTab(page, started.url, "minimal-backend");
  await page.frameLocator("main iframe").locator("h1").waitFor({ timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (copy !== undefined) await rm(copy.root, { recursive: true, force: true });
});

describe("pnpm dev: the host in dev mode", () => {
  it("serves the tab from the sample's Vite dev server, with the host's client injected", async () => {
    expect(logs.some((line) => line.includes("dev: Vite dev server on 127.0.0.1:"))).toBe(true);
    await expect(tab().evaluate<boolean>(`typeof window.ddClient?.extension?.vm?.service?.get === "function"`)).resolves.toBe(true);
    // Vite's client is in the page, loaded through the extension's own origin.
    await expect(tab().evaluate<boolean>(`[...document.scripts].some((script) => script.src.endsWith("/x/minimal-backend/ui/@vite/client"))`)).resolves.toBe(true);
  });

  it("shows an edited component in the open tab without reloading it (HMR)", async () => {
    await tab().evaluate(`window.__beforeEdit = "still here"`);
    await edit("ui/src/app.tsx", `title="Minimal backend"`, `title="Minimal backend, edited in dev"`);
    await expect
      .poll(() => tab().evaluate<string>(`document.querySelector("h1")?.textContent ?? ""`).catch(() => ""), { timeout: 60_000, interval: 200 })
      .toBe("Minimal backend, edited in dev");
    // A marker set before the edit survives: the module was replaced, the page was not reloaded.
    await expect(tab().evaluate<string | undefined>(`window.__beforeEdit`)).resolves.toBe("still here");
    await expect(tab().evaluate<boolean>(`typeof window.ddClient === "object"`)).resolves.toBe(true);
  }, 120_000);

  it("answers the next call with an edited backend handler (rebuilt and restarted on change)", async () => {
    const hello = () =>
      tab()
        .evaluate<string>(`window.ddClient.extension.vm.service.get("/hello?name=dev").then((answer) => answer.message, (error) => "failed: " + (error?.message ?? String(error)))`)
        .catch((error: unknown) => `failed: ${String(error)}`);
    await expect.poll(hello, { timeout: 60_000, interval: 250 }).toBe("Hello, dev! (from the backend)");
    await edit("backend/handlers.ts", "(from the backend)", "(from the edited backend)");
    await expect.poll(hello, { timeout: 90_000, interval: 250 }).toBe("Hello, dev! (from the edited backend)");
    expect(logs.some((line) => line.startsWith("[minimal-backend] ") && line.includes("Restarting"))).toBe(true);
  }, 150_000);

  it("takes the HMR socket only from the extension's own origin", async () => {
    const port = Number(new URL(host?.origins.get("minimal-backend") ?? "").port);
    await expect(upgradeStatus(port, "/x/minimal-backend/ui/", "http://127.0.0.1:1")).resolves.toBe("403");
    await expect(upgradeStatus(port, "/x/other/ui/", `http://127.0.0.1:${port}`)).resolves.toBe("403");
  });
});
