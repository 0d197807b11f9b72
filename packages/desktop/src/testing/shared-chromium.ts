import { launchChromium } from "./launch-chromium.ts";
import type { Browser } from "playwright-core";

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for every test file a worker runs: the test files share workers (isolate: false in
 * vitest.config.js), and a launch costs about half a second of CPU each time. Pages still get a
 * context of their own from `browser.newPage()`. A file ends with `closeContexts(browser)`, never
 * `browser.close()`; the browser ends with the worker process (no Chromium is left after a run).
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then(
    (browser) => {
      browser.on("disconnected", () => (shared = undefined));
      return browser;
    },
    (error: unknown) => {
      shared = undefined;
      throw error;
    },
  );
  return shared;
}

/** Closes every context (so every page) a file opened, leaving the shared browser to the next file. */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}
