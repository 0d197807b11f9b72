import { Readable } from "node:stream";
import { createBackendApp } from "@dext/backend";
import { dashboardApi } from "../protocol/host-api.ts";
import { listFolder } from "./folder-listing.ts";
import { callerGuard } from "./request-guard.ts";
import type { BackendApp, Logger } from "@dext/backend";
import type { ExtensionSummary, HostEvent } from "../protocol/index.ts";
import type { CallerPolicy } from "./request-guard.ts";

export interface DashboardApiOptions {
  extensions: () => readonly ExtensionSummary[];
  /** Subscribes a dashboard to host events (tab reloads); returns the unsubscribe function. */
  subscribe: (send: (event: HostEvent) => void) => () => void;
}

/** Host events for one dashboard as they happen, until it goes away. */
function hostEvents(options: DashboardApiOptions, signal: AbortSignal): AsyncIterable<HostEvent> {
  const events = new Readable({ objectMode: true, read: () => undefined });
  const unsubscribe = options.subscribe((event) => {
    if (!events.destroyed) events.push(event);
  });
  signal.addEventListener("abort", unsubscribe, { once: true });
  events.once("close", unsubscribe);
  return events;
}

/** The calls only the dashboard may make (`/__dext`, mounted there by its server), with the dashboard's secret. */
export function createDashboardApi(
  options: DashboardApiOptions,
  policy: () => CallerPolicy,
  logger: Logger,
): BackendApp {
  return createBackendApp({
    contract: dashboardApi,
    logger,
    createContext: callerGuard(policy, logger, { body: false }),
    handlers: {
      extensions: () => [...options.extensions()],
      folder: ({ query }) => listFolder(query.path),
      events: (_input, { signal }) => hostEvents(options, signal),
    },
  });
}
