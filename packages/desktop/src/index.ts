// Node entry: the local Docker Desktop host.
export { startDesktopHost } from "./server/desktop-host.ts";
export type { DesktopHost, DesktopHostOptions } from "./server/desktop-host.ts";
export type { InstalledExtension } from "./server/installed-extension.ts";
export { DesktopHostError } from "./server/errors.ts";
export type { DesktopHostErrorCode } from "./server/errors.ts";
export { readImageLayout, hostPathFor } from "./server/dockerfile-layout.ts";
export type { ImageLayout } from "./server/dockerfile-layout.ts";
export type { ExtensionSummary, PageConfig } from "./protocol/index.ts";
