// Injected by the dext host into an extension's page before the page's own scripts, as Desktop
// injects its client: sets window.ddClient and Docker's theme globals.
import { pageConfigGlobal } from "../protocol/index.ts";
import { createChromeBridge } from "./chrome-bridge.ts";
import { installColorScheme } from "./color-scheme.ts";
import { createHostClient } from "./create-host-client.ts";
import { createHostApiLoader } from "./host-api-loader.ts";
import { loadWhenIdle } from "./load-when-idle.ts";
import { installThemeGlobals } from "./theme-globals.ts";
import type { PageConfig } from "../protocol/index.ts";

const config = Reflect.get(window, pageConfigGlobal) as PageConfig | undefined;
if (config === undefined)
  throw new Error("dext host: page configuration missing; load this page through the dext host");

const bridge = createChromeBridge(config.extensionId, config.chromeOrigins);
const setScheme = installColorScheme(config.colorScheme);
bridge.onMessage((message) => {
  if (message.kind === "dext:color-scheme") setScheme(message.scheme);
});
installThemeGlobals();
const loadApi = createHostApiLoader(config);
Reflect.set(window, "ddClient", createHostClient(config, bridge, loadApi));
loadWhenIdle(loadApi);
