import * as z from "zod";
import { defineContract, defineRoute } from "../client/contract.ts";

/** A small contract used by this package's tests: one route of each kind of input. */
export const greetingContract = defineContract({
  hello: defineRoute({
    method: "GET",
    path: "/hello",
    query: z.object({ name: z.string().min(1).max(100).optional() }),
    response: z.object({ message: z.string() }),
  }),
  echo: defineRoute({
    method: "POST",
    path: "/echo",
    body: z.object({ text: z.string(), times: z.number().int().min(1).max(10) }),
    response: z.object({ text: z.string() }),
  }),
  item: defineRoute({
    method: "GET",
    path: "/items/:id",
    params: z.object({ id: z.string().regex(/^\d+$/, "must be digits") }),
    response: z.object({ id: z.number() }),
  }),
  slow: defineRoute({
    method: "GET",
    path: "/slow",
    query: z.object({ ms: z.coerce.number().int().min(0).max(5_000) }),
    response: z.object({ waitedMs: z.number() }),
  }),
  broken: defineRoute({
    method: "GET",
    path: "/broken",
    response: z.object({ ok: z.boolean() }),
  }),
});
