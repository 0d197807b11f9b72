// The client the host injects into a tab comes in two parts: a small classic script at the top of
// the page's <head> (window.ddClient, the theme globals) and the typed client of the host's API,
// which that script imports on the first call, or once the page has loaded and gone idle. These
// tests prove a page sees one client either way, as a page in Desktop does.
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import { closeContexts, sharedChromium } from "./testing/shared-chromium.ts";
import type { v1 } from "@docker/extension-api-client-types";
import type { Browser } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";

// The page calls exec while it is still being parsed: from an inline classic script in its body,
// before the load event and before any idle time, so the client module is loaded by this call.
const callingPage = `<!doctype html><html><head></head><body><p>calls at once</p><script>
window.firstCall = window.ddClient.extension.host.cli
  .exec("echo-args", ["one", "two"])
  .then((result) => ({ stdout: result.stdout }), (error) => ({ error: String(error && error.message) }));
</script></body></html>`;
const quietPage = "<!doctype html><html><head></head><body><p>calls nothing</p></body></html>";
const echoArgs = '#!/bin/sh\nprintf "%s|" "$@"\n';

let dir: string;
let host: DesktopHost;
let browser: Browser;

async function extension(id: string, html: string): Promise<string> {
  const folder = join(dir, id);
  await mkdir(join(folder, "ui"), { recursive: true });
  await mkdir(join(folder, "host"), { recursive: true });
  await writeFile(
    join(folder, "metadata.json"),
    JSON.stringify({
      ui: { "dashboard-tab": { title: id, root: "/ui", src: "index.html" } },
      host: { binaries: [{ linux: [{ path: "/host/echo-args" }], darwin: [{ path: "/host/echo-args" }] }] },
    }),
  );
  await writeFile(join(folder, "ui", "index.html"), html);
  await writeFile(join(folder, "host", "echo-args"), echoArgs);
  await chmod(join(folder, "host", "echo-args"), 0o755);
  return folder;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-inj-"));
  const folders = [await extension("calling", callingPage), await extension("quiet", quietPage)];
  host = await startDesktopHost({ folders, logger: silentLogger });
  browser = await sharedChromium();
}, 60_000);

afterAll(async () => {
  await closeContexts(browser);
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

/** When each of the host's two client files started loading, against the page's load event. */
type Timings = { pageScript: number | undefined; apiModule: number | undefined; loadEvent: number };
// Evaluated in the page (a string: this file's types are Node's, not the browser's).
const readTimings = `(() => {
  const started = (suffix) => performance.getEntriesByType("resource").find((entry) => entry.name.endsWith(suffix))?.startTime;
  return {
    pageScript: started("/__dext/page.js"),
    apiModule: started("/__dext/page-api.js"),
    loadEvent: performance.getEntriesByType("navigation")[0].loadEventStart,
  };
})()`;
const apiModuleLoads = `performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith("/__dext/page-api.js")).length`;

describe("the injected client", () => {
  it("answers a call made while the page is still parsing, loading the typed client for it", async () => {
    const page = await browser.newPage();
    await page.goto(`${host.origins.get("calling") ?? ""}/x/calling/ui/index.html`);
    await expect(page.evaluate("window.firstCall")).resolves.toEqual({ stdout: "one|two|" });
    const timings = await page.evaluate<Timings>(readTimings);
    expect(timings.pageScript).toBeDefined();
    expect(timings.apiModule).toBeGreaterThan(timings.pageScript ?? Infinity);
    await page.close();
  });

  it("leaves the typed client out of a page's loading, then loads it once the page is idle", async () => {
    const page = await browser.newPage();
    await page.goto(`${host.origins.get("quiet") ?? ""}/x/quiet/ui/index.html`);
    await page.waitForFunction(`${apiModuleLoads} > 0`);
    const timings = await page.evaluate<Timings>(readTimings);
    expect(timings.apiModule).toBeGreaterThanOrEqual(timings.loadEvent);
    // Loaded ahead of any call, a call then needs no second copy of it.
    await expect(
      page.evaluate(async () => {
        const dd = (globalThis as unknown as { ddClient: v1.DockerDesktopClient }).ddClient;
        return (await dd.extension.host?.cli.exec("echo-args", ["x"]))?.stdout;
      }),
    ).resolves.toBe("x|");
    const loads = await page.evaluate<number>(apiModuleLoads);
    expect(loads).toBe(1);
    await page.close();
  });
});
