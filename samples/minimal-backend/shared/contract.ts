import { defineContract, defineRoute } from "@dext/backend/client";
// zod/mini: the same schemas as `zod` in a functional form (`z.optional(...)`, `.check(...)`) that
// loads a fraction of the code, so the backend starts about as fast and as small as bare
// node:http (docs/benchmarks.md). Contracts written with `zod` work the same.
import * as z from "zod/mini";

/** The backend's routes, declared once: the backend implements them, the UI calls them typed. */
export const contract = defineContract({
  hello: defineRoute({
    method: "GET",
    path: "/hello",
    query: z.object({
      name: z.optional(z.string().check(z.trim(), z.minLength(1, "must not be empty"), z.maxLength(200))),
    }),
    response: z.object({ message: z.string(), servedAt: z.string() }),
  }),
  info: defineRoute({
    method: "GET",
    path: "/info",
    response: z.object({
      node: z.string(),
      pid: z.int(),
      uptimeSeconds: z.number(),
      listeningOn: z.string(),
      requestsServed: z.int(),
    }),
  }),
});

export type Contract = typeof contract;
