// The benchmark's dext target: one contract route, served the way every dext backend is, its
// contract written `import * as z from "zod"` as the README shows.
import * as z from "zod";
import { defineContract, defineRoute } from "../../client/contract.ts";
import { runBackend } from "../../run-backend.ts";

const contract = defineContract({
  hello: defineRoute({ method: "GET", path: "/hello", response: z.object({ hello: z.string() }) }),
});

await runBackend({ name: "bench", contract, handlers: { hello: () => ({ hello: "world" }) } });
