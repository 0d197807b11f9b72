import type { Handlers } from "@dext/backend";
import type { Contract } from "../shared/contract.ts";

/** Handlers for the contract; `listeningOn` is passed in so tests can run them on any socket. */
export function createHandlers(listeningOn: () => string): Handlers<Contract> {
  const startedAt = Date.now();
  let requestsServed = 0;
  return {
    hello: ({ query }) => {
      requestsServed++;
      return { message: `Hello, ${query.name ?? "world"}! (from the backend)`, servedAt: new Date().toISOString() };
    },
    info: () => {
      requestsServed++;
      return {
        node: process.version,
        pid: process.pid,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        listeningOn: listeningOn(),
        requestsServed,
      };
    },
  };
}
