// Test helpers for extensions run in the dext host: a Chromium that works on closed networks, and tab navigation.
export { chromiumPath, launchChromium } from "./launch-chromium.js";
export { openExtensionTab } from "./open-extension.js";
export { captureLog } from "./captured-log.js";
export { startDesktopHost } from "../server/desktop-host.js";
// The host takes @dext/backend's logger; re-exported so a sample that does not depend on it can quiet the host.
export { silentLogger } from "@dext/backend";
export type { CapturedLog } from "./captured-log.js";
export type { DesktopHost, DesktopHostOptions } from "../server/desktop-host.js";
