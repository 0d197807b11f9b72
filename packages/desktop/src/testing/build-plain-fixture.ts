import { fileURLToPath } from "node:url";
import { silentLogger } from "@dext/backend";
import { build } from "esbuild";
import { startDesktopHost } from "../server/desktop-host.ts";
import { launchChromium } from "./launch-chromium.ts";
import { openExtensionFrame } from "./open-extension.ts";
import type { Browser, Frame, Page } from "playwright-core";
import type { DesktopHost } from "../server/desktop-host.ts";

export const plainFixtureDir = fileURLToPath(new URL("../../test/fixtures/plain-extension", import.meta.url));

/** Bundles the fixture's UI, which imports only @docker/extension-api-client, as its author's build would. */
export async function buildPlainFixture(): Promise<void> {
  await build({
    entryPoints: [`${plainFixtureDir}/ui-src/app.js`],
    outfile: `${plainFixtureDir}/ui/app.js`,
    bundle: true,
    format: "iife",
    platform: "browser",
    logLevel: "silent",
  });
}

/** The plain fixture installed in a host of its own, its tab open in Chromium. */
export interface PlainExtensionPage {
  host: DesktopHost;
  browser: Browser;
  page: Page;
  /** The extension's own frame, where window.ddClient lives. */
  frame: Frame;
  close: () => Promise<void>;
}

export async function openPlainExtensionPage(): Promise<PlainExtensionPage> {
  await buildPlainFixture();
  const host = await startDesktopHost({ folders: [plainFixtureDir], logger: silentLogger });
  const browser = await launchChromium();
  const page = await browser.newPage();
  const frame = await openExtensionFrame(page, host.url, "plain-extension");
  const close = async () => {
    await browser.close();
    await host.stop();
  };
  return { host, browser, page, frame, close };
}
