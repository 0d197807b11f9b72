import { defineContract, defineRoute } from "@dext/backend/client";
// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";

/** The backend's routes, declared once: the backend implements them, the UI calls them typed. */
export const contract = defineContract({
  hello: defineRoute({
    method: "GET",
    path: "/hello",
    query: z.object({ name: z.string().trim().min(1, "must not be empty").max(200).optional() }),
    response: z.object({ message: z.string(), servedAt: z.string() }),
  }),
  info: defineRoute({
    method: "GET",
    path: "/info",
    response: z.object({
      node: z.string(),
      pid: z.number().int(),
      uptimeSeconds: z.number(),
      listeningOn: z.string(),
      requestsServed: z.number().int(),
    }),
  }),
  // Lab 1: the guestbook. POST, because signing changes something; the body is checked by the
  // backend before the handler runs, so the handler only ever sees a trimmed, non-empty name.
  visit: defineRoute({
    method: "POST",
    path: "/visits",
    body: z.object({ name: z.string().trim().min(1, "must not be empty").max(100) }),
    response: z.object({ name: z.string(), visits: z.number().int().positive() }),
  }),
});

export type Contract = typeof contract;
