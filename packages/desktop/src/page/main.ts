// Injected by the dext host into an extension's page before the page's own scripts, as Desktop
// injects its client: sets window.ddClient and Docker's theme globals.
import { pageConfigGlobal } from "../protocol/index.js";
import { createChromeBridge } from "./chrome-bridge.js";
import { installColorScheme } from "./color-scheme.js";
import { createHostClient } from "./create-host-client.js";
import { installThemeGlobals } from "./theme-globals.js";
import type { PageConfig } from "../protocol/index.js";

const config = Reflect.get(window, pageConfigGlobal) as PageConfig | undefined;
if (config === undefined) throw new Error("dext host: page configuration missing; load this page through the dext host");

const bridge = createChromeBridge(config.extensionId, config.chromeOrigins);
const setScheme = installColorScheme(config.colorScheme);
bridge.onMessage((message) => {
  if (message.kind === "dext:color-scheme") setScheme(message.scheme);
});
installThemeGlobals();
Reflect.set(window, "ddClient", createHostClient(config, bridge));
