import type { v1 } from "@docker/extension-api-client-types";
import { OutsideDesktopError, outsideDesktopReason } from "./errors.js";

/** Docker Desktop's client, as Desktop (or any compatible host) injects it into the page. */
export type DesktopClient = v1.DockerDesktopClient;

/** Whether the page has a Desktop client; outside Desktop, `reason` says why not and what to do. */
export type DesktopClientState =
  | { readonly insideDesktop: true; readonly client: DesktopClient }
  | { readonly insideDesktop: false; readonly client: undefined; readonly reason: string };

/**
 * The injected `window.ddClient`, or undefined outside Desktop. Read directly rather than through
 * `@docker/extension-api-client`, whose only job is this read and which does not load under Node.
 */
export function getDesktopClient(win: Window = window): DesktopClient | undefined {
  const candidate: unknown = Reflect.get(win, "ddClient");
  return isDesktopClient(candidate) ? candidate : undefined;
}

/** The client and whether the page runs inside Desktop, as a union to branch on. */
export function detectDesktopClient(win: Window = window): DesktopClientState {
  const client = getDesktopClient(win);
  return client === undefined
    ? { insideDesktop: false, client: undefined, reason: outsideDesktopReason }
    : { insideDesktop: true, client };
}

/** The client, for code that cannot do anything useful without it. */
export function requireDesktopClient(win: Window = window): DesktopClient {
  const client = getDesktopClient(win);
  if (client === undefined) throw new OutsideDesktopError();
  return client;
}

// The host owns the client's shape; this only refuses values that cannot be a client at all
// (a stray global, `null`), so they read as "outside Desktop" instead of failing later.
function isDesktopClient(value: unknown): value is DesktopClient {
  return typeof value === "object" && value !== null;
}
