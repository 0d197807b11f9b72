// The second half of the injected client, loaded by the page on its first call to the host (or
// when the page is idle): the typed client and the schemas it checks answers with (zod) are most
// of the client's weight, and a tab's first view calls nothing, so they stay off the parser-blocking
// script at the top of every tab's <head>.
import { createBackendClient } from "@dext/backend/client";
import { extensionApi, hostApiTransport } from "../protocol/host-api.ts";
import type { PageConfig } from "../protocol/index.ts";
import type { ExtensionApiClient } from "./exec-client.ts";

// Re-exported so the page checks errors against the class this module throws, not a copy of it.
export { BackendClientError } from "@dext/backend/client";

/** The host's API for this extension alone, with the secret the host gave this page. */
export function connectHostApi(config: Pick<PageConfig, "apiBase" | "token">): ExtensionApiClient {
  return createBackendClient(extensionApi, hostApiTransport(config.apiBase, config.token));
}
