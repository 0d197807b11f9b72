import { loadOnce } from "@dext/backend/client/load-once";
import type { PageConfig } from "../protocol/index.ts";
import type { ExtensionApiClient } from "./exec-client.ts";
import type * as HostApiModule from "./host-api-module.ts";

/** The typed client of this page's host API, with the error class its calls reject with. */
interface HostApi {
  client: ExtensionApiClient;
  BackendClientError: typeof HostApiModule.BackendClientError;
}

export type LoadHostApi = () => Promise<HostApi>;

/** The page could not load the host API's module (the host stopped, or the page came from elsewhere). */
export class HostApiUnavailableError extends Error {
  readonly code = "host_api_unavailable";
  override readonly name = "HostApiUnavailableError";
}

/**
 * Loads the host API's module once, on the first call that needs it or when the page is first
 * idle, whichever comes sooner. A failed load is not kept (loadOnce): the next call tries again,
 * so a host restarted under an open tab does not leave its client broken for good.
 */
export function createHostApiLoader(config: Pick<PageConfig, "apiModuleUrl" | "apiBase" | "token">): LoadHostApi {
  return loadOnce(() =>
    (import(/* @vite-ignore */ config.apiModuleUrl) as Promise<typeof HostApiModule>).then(
      (module) => ({ client: module.connectHostApi(config), BackendClientError: module.BackendClientError }),
      (error: unknown) => {
        throw new HostApiUnavailableError(
          `dext host: could not load the host's API client from ${config.apiModuleUrl}; is the host still running?`,
          { cause: error },
        );
      },
    ),
  );
}
