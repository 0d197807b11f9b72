import { access } from "node:fs/promises";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

/** Debian's Chromium unless DEXT_CHROMIUM names another; no browser download works on these machines. */
export function chromiumPath(): string {
  return process.env.DEXT_CHROMIUM ?? "/usr/bin/chromium";
}

/**
 * Headless Chromium with the flags this network needs: without the background-networking
 * ones, Chromium's own connections are refused many at a time and slow every test down.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  const present = await access(executablePath).then(
    () => true,
    () => false,
  );
  if (!present) {
    throw new Error(
      `No Chromium at ${executablePath}. Install Debian's package (apt-get install -y chromium) or set DEXT_CHROMIUM to a Chromium binary.`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
