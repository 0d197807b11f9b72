import { createDockerDesktopClient } from "@docker/extension-api-client";
import type { v1 } from "@docker/extension-api-client-types";
import { OutsideDesktopError, outsideDesktopReason } from "./errors.ts";

/** Where `renderFirstView` puts the client the first view renders with at build time. */
export const prerenderClientGlobal = "__dextPrerenderClient";

/** Docker Desktop's client, as Desktop (or any compatible host) injects it into the page. */
export type DesktopClient = v1.DockerDesktopClient;

/** Whether the page has a Desktop client; outside Desktop, `reason` says why not and what to do. */
export type DesktopClientState =
  | { readonly insideDesktop: true; readonly client: DesktopClient }
  | { readonly insideDesktop: false; readonly client: undefined; readonly reason: string };

/**
 * Desktop's client from Docker's own `createDockerDesktopClient()`, or undefined outside Desktop,
 * where that function throws (its message is about browsers; the kit's own reason says what to do).
 */
export function getDesktopClient(): DesktopClient | undefined {
  // At build time the first view is rendered as inside Desktop, with a client that refuses every
  // call (see @dext/ui/prerender): the page it is for only shows it where a client was injected.
  if (typeof window === "undefined")
    return (globalThis as Record<string, unknown>)[prerenderClientGlobal] as DesktopClient | undefined;
  let client: unknown;
  try {
    client = createDockerDesktopClient();
  } catch {
    return undefined;
  }
  // Docker's function returns whatever truthy value the global holds; a stray global that cannot
  // be a client reads as "outside Desktop" instead of failing later.
  return typeof client === "object" && client !== null ? (client as DesktopClient) : undefined;
}

/** The client and whether the page runs inside Desktop, as a union to branch on. */
export function detectDesktopClient(): DesktopClientState {
  const client = getDesktopClient();
  return client === undefined
    ? { insideDesktop: false, client: undefined, reason: outsideDesktopReason }
    : { insideDesktop: true, client };
}

/** The client, for code that cannot do anything useful without it. */
export function requireDesktopClient(): DesktopClient {
  const client = getDesktopClient();
  if (client === undefined) throw new OutsideDesktopError();
  return client;
}
