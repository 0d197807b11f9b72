import { useMemo } from "react";
import { createDeferredBackendClient } from "./deferred-backend-client.ts";
import type { ContractSource } from "./deferred-backend-client.ts";
import type { BackendClient, BackendClientOptions, Contract } from "@dext/backend/client";
import type { DesktopClient } from "./desktop-client.ts";

/**
 * A typed client for the extension's own backend, over Desktop's `vm.service` proxy to the
 * extension socket. Pass a contract loader declared once at module scope,
 * `const loadContract = () => import("../shared/contract.ts").then((m) => m.contract)`, so the
 * contract, zod and the client code load on the first call rather than with the first view.
 * Throws when the client has no VM service: the extension's metadata.json declares no `vm`
 * section, which is a packaging mistake rather than a runtime state.
 */
export function useBackendClient<C extends Contract>(
  contract: ContractSource<C>,
  client: DesktopClient,
  options?: BackendClientOptions,
): BackendClient<C> {
  return useMemo(() => {
    const service = client.extension.vm?.service;
    if (service === undefined) {
      throw new Error("This Desktop client has no extension.vm.service: declare a `vm` section in metadata.json");
    }
    return createDeferredBackendClient(contract, service, options);
  }, [contract, client, options]);
}
