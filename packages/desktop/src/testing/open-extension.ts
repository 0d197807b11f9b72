import type { Frame, FrameLocator, Page } from "playwright-core";

/**
 * Opens the dashboard on an extension's tab, as a user clicking it in Desktop, and returns the
 * extension's frame once its document has loaded.
 */
export async function openExtensionTab(page: Page, hostUrl: string, extensionId: string): Promise<FrameLocator> {
  await page.goto(`${hostUrl}#${extensionId}`);
  await page.locator(`nav button[data-id="${extensionId}"]`).click();
  const frame = page.frameLocator(`main iframe[src*="/x/${extensionId}/"]`);
  await frame.locator("body").waitFor();
  return frame;
}

/** openExtensionTab, then the extension's own Frame, for code that runs in its page (where ddClient lives). */
export async function openExtensionFrame(page: Page, hostUrl: string, extensionId: string): Promise<Frame> {
  await openExtensionTab(page, hostUrl, extensionId);
  const frame = page.frames().find((candidate) => candidate.url().includes(`/x/${extensionId}/ui/`));
  if (frame === undefined) throw new Error(`${extensionId}: its frame is not in the page`);
  return frame;
}
