import type { FrameLocator, Page } from "playwright-core";

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
