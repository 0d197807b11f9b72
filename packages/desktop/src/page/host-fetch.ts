import { tokenHeader } from "../protocol/index.ts";
import type { PageConfig } from "../protocol/index.ts";

/** POSTs JSON to the host's API for this extension, with the secret the host gave this page alone. */
export type HostFetch = (path: string, body: unknown, signal?: AbortSignal) => Promise<Response>;

export function createHostFetch(config: Pick<PageConfig, "apiBase" | "token">): HostFetch {
  return (path, body, signal) =>
    fetch(`${config.apiBase}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", [tokenHeader]: config.token },
      body: JSON.stringify(body),
      signal: signal ?? null,
      // Never sent anywhere but the page's own origin; no cookie is needed for the API.
      credentials: "omit",
    });
}
