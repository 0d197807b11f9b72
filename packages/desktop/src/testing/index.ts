// Test helpers for extensions run in the dext host: a Chromium that works on closed networks, and tab navigation.
export { chromiumPath, launchChromium } from "./launch-chromium.js";
export { openExtensionTab } from "./open-extension.js";
export { startDesktopHost } from "../server/desktop-host.js";
export type { DesktopHost, DesktopHostOptions } from "../server/desktop-host.js";
