// The dext target with its contract written `import { z } from "zod"`, which makes esbuild keep all
// of zod: measured beside `dext-hello.ts` to show what that import costs at start.
// eslint-disable-next-line no-restricted-syntax -- the import this target measures
import { z } from "zod";
import { defineContract, defineRoute } from "../../client/contract.ts";
import { runBackend } from "../../run-backend.ts";

const contract = defineContract({
  hello: defineRoute({ method: "GET", path: "/hello", response: z.object({ hello: z.string() }) }),
});

await runBackend({ name: "bench", contract, handlers: { hello: () => ({ hello: "world" }) } });
