import { errors } from "playwright-core";
import type { Browser, Frame, Locator } from "playwright-core";
import { openExtensionTab } from "../testing/open-extension.ts";
import { pngSize } from "./png-size.ts";
import { ScreenshotError } from "./screenshot-error.ts";
import { describeStep, FIRST_VIEW } from "./screenshot-states.ts";
import type { ScreenshotState, ScreenshotStep } from "./screenshot-states.ts";
import { OriginRequests, settleTab } from "./tab-settle.ts";

/** What Docker asks of a Marketplace screenshot: 2400x1600, here a 1200x800 tab at twice the pixel density. */
export const SCREENSHOT_SIZE = { width: 2400, height: 1600 } as const;
const VIEWPORT = { width: 1200, height: 800 } as const;
const DEVICE_SCALE_FACTOR = 2;

const COLOR_SCHEMES = ["light", "dark"] as const;
type ColorScheme = (typeof COLOR_SCHEMES)[number];

// The extension's frame over the whole viewport, so the capture is the tab and none of the dashboard's chrome.
const TAB_ONLY_CSS = `main iframe { position: fixed !important; inset: 0 !important; width: 100vw !important;
  height: 100vh !important; z-index: 2147483647 !important; }`;

// The roles a person clicks by name.
const CLICKABLE_ROLES = ["button", "link", "tab", "menuitem", "checkbox", "radio", "switch", "option"] as const;

export interface CaptureTabOptions {
  browser: Browser;
  hostUrl: string;
  extensionId: string;
  /** The extension's own origin: requests to it are the ones a capture waits for. */
  origin: string;
  states: readonly ScreenshotState[];
  /** How long a step's target, and the first view, may take to appear. */
  timeoutMs: number;
  /** Stores one capture; returns where it went. */
  write: (fileName: string, png: Buffer) => Promise<string>;
  /** Told what the capture could not wait for (a stream still open). */
  note?: (message: string) => void;
}

function screenshotFileName(state: string, scheme: ColorScheme): string {
  return `${state}-${scheme}.png`;
}

/** The file names a run writes, the first view first, each in light then dark. */
export function screenshotFileNames(states: readonly ScreenshotState[]): string[] {
  return [FIRST_VIEW, ...states].flatMap((state) =>
    COLOR_SCHEMES.map((scheme) => screenshotFileName(state.name, scheme)),
  );
}

/**
 * Opens the extension's tab fresh for each state and colour scheme, applies the state's steps,
 * waits for it to settle and writes the tab alone at 2400x1600. Returns the paths written.
 */
export async function captureTab(options: CaptureTabOptions): Promise<string[]> {
  const written: string[] = [];
  for (const scheme of COLOR_SCHEMES) {
    const context = await options.browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: DEVICE_SCALE_FACTOR,
      colorScheme: scheme,
      reducedMotion: "reduce",
    });
    try {
      for (const state of [FIRST_VIEW, ...options.states]) {
        const page = await context.newPage();
        const requests = new OriginRequests(page, options.origin);
        await openExtensionTab(page, options.hostUrl, options.extensionId);
        await page.addStyleTag({ content: TAB_ONLY_CSS });
        const frame = page.frames().find((candidate) => candidate.url().startsWith(`${options.origin}/`));
        if (frame === undefined)
          throw new ScreenshotError("capture_failed", `${options.extensionId}: its tab has no frame`);
        const settle = async () => {
          const open = await settleTab(frame, requests, options.timeoutMs);
          if (open.length > 0) options.note?.(`${state.name} (${scheme}): captured with ${open.join(", ")} still open`);
        };
        await settle();
        for (const [index, step] of state.steps.entries())
          await applyStep(frame, state, index, step, options.timeoutMs);
        if (state.steps.length > 0) await settle();
        const png = await page.screenshot({ type: "png", animations: "disabled", caret: "hide" });
        const size = pngSize(png);
        if (size?.width !== SCREENSHOT_SIZE.width || size.height !== SCREENSHOT_SIZE.height)
          throw new ScreenshotError(
            "capture_failed",
            `${state.name} (${scheme}): Chromium wrote ${size === undefined ? "no PNG" : `${String(size.width)}x${String(size.height)}`}, not 2400x1600`,
          );
        written.push(await options.write(screenshotFileName(state.name, scheme), png));
        await page.close();
      }
    } finally {
      await context.close();
    }
  }
  return written;
}

async function applyStep(
  frame: Frame,
  state: ScreenshotState,
  index: number,
  step: ScreenshotStep,
  timeoutMs: number,
): Promise<void> {
  const target = stepTarget(frame, step);
  try {
    await target.waitFor({ state: "visible", timeout: timeoutMs });
  } catch (cause) {
    if (!(cause instanceof errors.TimeoutError)) throw cause;
    throw new ScreenshotError(
      "step_target_missing",
      `state "${state.name}", step ${String(index + 1)} (${describeStep(step)}): ${targetDescription(step)} did not appear in the tab within ${String(timeoutMs / 1000)} s`,
      { cause },
    );
  }
  if (step.kind === "click") await target.click({ timeout: timeoutMs });
  if (step.kind === "fill") await target.fill(step.value, { timeout: timeoutMs });
}

function stepTarget(frame: Frame, step: ScreenshotStep): Locator {
  switch (step.kind) {
    case "click":
      return CLICKABLE_ROLES.map((role) => frame.getByRole(role, { name: step.name, exact: true }))
        .reduce((either, next) => either.or(next))
        .first();
    case "fill":
      return frame.getByLabel(step.label, { exact: true }).first();
    case "wait":
      return frame.getByText(step.text).first();
  }
}

function targetDescription(step: ScreenshotStep): string {
  switch (step.kind) {
    case "click":
      return `no ${CLICKABLE_ROLES.join(", ")} named "${step.name}"`;
    case "fill":
      return `no field labelled "${step.label}"`;
    case "wait":
      return `the text "${step.text}"`;
  }
}
