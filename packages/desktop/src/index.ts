// Node entry: the local Docker Desktop host.
export { startDesktopHost } from "./server/desktop-host.ts";
export type { DesktopHost, DesktopHostOptions } from "./server/desktop-host.ts";
export type { InstalledExtension } from "./server/installed-extension.ts";
export { DesktopHostError } from "./server/errors.ts";
export type { DesktopHostErrorCode } from "./server/errors.ts";
export { readImageLayout, hostPathFor } from "./server/dockerfile-layout.ts";
export type { ImageLayout } from "./server/dockerfile-layout.ts";
export type { ExtensionSummary, PageConfig } from "./protocol/index.ts";
// Marketplace screenshots: a PNG's size, and the screenshots label held to a folder of them.
export { pngSize } from "./screenshots/png-size.ts";
export { readScreenshotsLabel, screenshotsLabelProblems } from "./screenshots/screenshots-label.ts";
export type { LabelSource, ScreenshotsLabel } from "./screenshots/screenshots-label.ts";
