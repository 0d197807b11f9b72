// Node entry: the local Docker Desktop host.
export { startDesktopHost } from "./server/desktop-host.js";
export type { DesktopHost, DesktopHostOptions } from "./server/desktop-host.js";
export type { InstalledExtension } from "./server/installed-extension.js";
export { DesktopHostError } from "./server/errors.js";
export type { DesktopHostErrorCode } from "./server/errors.js";
export { readImageLayout, hostPathFor } from "./server/dockerfile-layout.js";
export type { ImageLayout, LayoutEntry } from "./server/dockerfile-layout.js";
export type { ExtensionSummary, PageConfig } from "./protocol/index.js";
