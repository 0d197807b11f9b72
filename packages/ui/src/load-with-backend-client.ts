import type * as backendClient from "@dext/backend/client";
import { loadOnce } from "@dext/backend/client/load-once";

/** What `@dext/backend/client` exports: the client code a deferred client loads on its first call. */
export type BackendClientModule = typeof backendClient;

/** A value (a contract, a job definition), or a function that imports it. */
export type DeferredSource<T extends object> = T | (() => Promise<T>);

/**
 * Loads `source` (calling it when it is a loader) and `@dext/backend/client` side by side, once,
 * and builds a client from both: the shared start of every deferred client. A failed load is
 * retried on the next call (see loadOnce).
 */
export function loadWithBackendClient<T extends object, R>(
  source: DeferredSource<T>,
  build: (value: T, module: BackendClientModule) => R,
): () => Promise<R> {
  return loadOnce(async () => {
    const [value, module] = await Promise.all([
      typeof source === "function" ? source() : source,
      import("@dext/backend/client"),
    ]);
    return build(value, module);
  });
}
