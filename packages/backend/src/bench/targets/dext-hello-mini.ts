// The dext target with its contract written with `zod/mini`: the same route, and no classic zod
// loaded at all (dext's own schemas are mini too).
import * as z from "zod/mini";
import { defineContract, defineRoute } from "../../client/contract.ts";
import { runBackend } from "../../run-backend.ts";

const contract = defineContract({
  hello: defineRoute({ method: "GET", path: "/hello", response: z.object({ hello: z.string() }) }),
});

await runBackend({ name: "bench", contract, handlers: { hello: () => ({ hello: "world" }) } });
