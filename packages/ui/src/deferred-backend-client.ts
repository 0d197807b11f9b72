import { loadWithBackendClient } from "./load-with-backend-client.ts";
import type { BackendClient, BackendClientOptions, Contract, DesktopHttpService } from "@dext/backend/client";

/** A contract, or a function that imports it: `() => import("../shared/contract.ts").then((m) => m.contract)`. */
export type ContractSource<C extends Contract> = C | (() => Promise<C>);

type Caller = (input?: unknown) => Promise<unknown>;

/**
 * A typed backend client whose code loads on its first call instead of with the tab's first view.
 * The client checks every answer against the contract's zod schemas, and zod is the largest part of
 * that code (about 24 KB gzip); Desktop re-creates the UI each time the tab opens, so that cost is
 * paid on every open. Given a contract loader, the contract (and with it zod) is deferred too; given
 * the contract itself, only the client code is.
 */
export function createDeferredBackendClient<C extends Contract>(
  source: ContractSource<C>,
  service: DesktopHttpService,
  options?: BackendClientOptions,
): BackendClient<C> {
  const load = loadWithBackendClient(
    source,
    (contract, { createBackendClient, createDesktopServiceTransport }) =>
      createBackendClient(contract, createDesktopServiceTransport(service), options) as Record<string, Caller>,
  );

  const callerFor =
    (route: string): Caller =>
    async (input) => {
      const client = await load();
      const call = client[route];
      if (call === undefined) throw new TypeError(`The backend contract has no route "${route}"`);
      return call(input);
    };

  if (typeof source !== "function") {
    return Object.fromEntries(Object.keys(source).map((route) => [route, callerFor(route)])) as BackendClient<C>;
  }
  // Route names are known only once the contract has loaded, so callers are made on first access.
  // `then` stays undefined, or `await client` would treat the client as a promise.
  const callers = new Map<string, Caller>();
  return new Proxy({} as BackendClient<C>, {
    get(_target, property) {
      if (typeof property !== "string" || property === "then") return undefined;
      let caller = callers.get(property);
      if (caller === undefined) {
        caller = callerFor(property);
        callers.set(property, caller);
      }
      return caller;
    },
  });
}
