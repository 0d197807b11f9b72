import type { Frame, Page, Request } from "playwright-core";
import { ScreenshotError } from "./screenshot-error.ts";

// A tab is settled when no request to its origin has been open for this long.
const QUIET_MS = 300;
// A stream the tab keeps open (a streamed exec, an event source) never ends: capture anyway after this.
const NETWORK_CAP_MS = 5_000;

const firstViewVisible = `(() => {
  const body = document.body;
  if (body === null) return false;
  if (body.innerText.trim().length > 0) return true;
  return [...document.querySelectorAll("img, svg, canvas, video")].some((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  });
})()`;

const twoFrames = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))`;

/** Counts the requests a page makes to one origin (the extension's), so a capture can wait for none. */
export class OriginRequests {
  readonly #open = new Set<Request>();
  #lastChange = Date.now();

  constructor(page: Page, origin: string) {
    const done = (request: Request) => {
      if (this.#open.delete(request)) this.#lastChange = Date.now();
    };
    page.on("request", (request) => {
      if (!request.url().startsWith(`${origin}/`)) return;
      this.#open.add(request);
      this.#lastChange = Date.now();
    });
    page.on("requestfinished", done);
    page.on("requestfailed", done);
  }

  /** Resolves once nothing has been open for a moment; returns the URLs still open at the cap. */
  async quiet(): Promise<string[]> {
    const started = Date.now();
    while (Date.now() - started < NETWORK_CAP_MS) {
      if (this.#open.size === 0 && Date.now() - this.#lastChange >= QUIET_MS) return [];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return [...this.#open].map((request) => request.url());
  }
}

/**
 * Waits until the tab would look the same a moment later: its document loaded, its web fonts
 * loaded, something of its first view on screen, no request to its origin pending, two frames painted.
 * Returns the URLs of streams still open when the network wait gave up.
 */
export async function settleTab(frame: Frame, requests: OriginRequests, timeoutMs: number): Promise<string[]> {
  await frame.waitForLoadState("load", { timeout: timeoutMs });
  await frame.evaluate("document.fonts.ready.then(() => true)");
  await frame.waitForFunction(firstViewVisible, undefined, { timeout: timeoutMs }).catch((cause: unknown) => {
    throw new ScreenshotError(
      "capture_failed",
      `the tab showed no text or image within ${String(timeoutMs / 1000)} s of opening`,
      {
        cause,
      },
    );
  });
  const open = await requests.quiet();
  await frame.evaluate("document.fonts.ready.then(() => true)");
  await frame.evaluate(twoFrames);
  return open;
}
