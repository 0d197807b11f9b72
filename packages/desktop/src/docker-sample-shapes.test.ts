// Extension folders written the way Docker's own samples and published extensions write them,
// installed unchanged and opened in Chromium. Each case says what Desktop does with it.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desktopLabels } from "./testing/desktop-labels.ts";
import { startDesktopHost } from "./server/desktop-host.ts";
import { captureLog } from "./testing/captured-log.ts";
import { closeContexts, sharedChromium } from "./testing/shared-chromium.ts";
import { openExtensionTab } from "./testing/open-extension.ts";
import type { Browser } from "playwright-core";

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-shapes-"));
  browser = await sharedChromium();
}, 60_000);

afterAll(async () => {
  await closeContexts(browser);
  await rm(dir, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const page = (text: string) => `<!doctype html><html><head></head><body><h1>${text}</h1></body></html>`;

describe("Docker's sample layout", () => {
  it("installs COPY metadata.json . with a relative ui root, and shows the tab and its icon (Desktop installs it)", async () => {
    const root = await folder("react-sample", {
      Dockerfile: `FROM alpine\n${desktopLabels}COPY metadata.json .\nCOPY docker.svg .\nCOPY ui ui\n`,
      "metadata.json": JSON.stringify({
        icon: "docker.svg",
        ui: { "dashboard-tab": { title: "React sample", root: "ui", src: "index.html" } },
      }),
      "docker.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
      "ui/index.html": page("the sample's own page"),
    });
    const host = await startDesktopHost({ folders: [root], logger: silentLogger });
    try {
      expect(host.extensions.map((extension) => [extension.id, extension.problems])).toEqual([["react-sample", []]]);
      const origin = host.origins.get("react-sample") ?? "";
      expect((await fetch(`${origin}/x/react-sample/icon`)).status).toBe(200);
      const tab = await openExtensionTab(await browser.newPage(), host.url, "react-sample");
      await expect(tab.getByRole("heading", { name: "the sample's own page" }).isVisible()).resolves.toBe(true);
    } finally {
      await host.stop();
    }
  }, 60_000);

  it("refuses an image whose metadata.json is not at its root, saying so (Desktop does not install it)", async () => {
    const root = await folder("workdir-sample", {
      Dockerfile: "FROM alpine\nWORKDIR /extension\nCOPY metadata.json ./\nCOPY ui ./ui\n",
      "metadata.json": JSON.stringify({
        ui: { "dashboard-tab": { title: "Workdir", root: "/extension/ui", src: "index.html" } },
      }),
      "ui/index.html": page("from the workdir"),
    });
    const log = captureLog();
    const host = await startDesktopHost({ folders: [root], logger: log.logger });
    try {
      // Desktop reads metadata.json at the image's root only: this one is at /extension/metadata.json.
      expect(host.extensions.map((extension) => extension.id)).toEqual([]);
      const notInstalled = log
        .entries()
        .filter((entry) => entry.level === "error" && /workdir-sample/.test(String(entry.extension)));
      expect(notInstalled.map((entry) => String(entry.msg))).toEqual([
        expect.stringMatching(/^not installed: .*metadata\.json/),
      ]);
    } finally {
      await host.stop();
    }
  }, 60_000);
});
