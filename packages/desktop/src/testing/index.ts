// Test helpers for extensions run in the dext host: a Chromium that works on closed networks, and tab navigation.
export { chromiumPath, launchChromium } from "./launch-chromium.ts";
export { openExtensionFrame, openExtensionTab } from "./open-extension.ts";
export { captureLog } from "./captured-log.ts";
export { startDesktopHost } from "../server/desktop-host.ts";
// The host takes @dext/backend's logger; re-exported so a sample that does not depend on it can quiet the host.
export { silentLogger } from "@dext/backend";
export type { CapturedLog } from "./captured-log.ts";
export type { DesktopHost, DesktopHostOptions } from "../server/desktop-host.ts";
