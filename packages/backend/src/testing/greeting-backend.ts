// A backend process for the lifecycle tests: started with node (its TypeScript stripped), stopped with signals.
import { defineContract } from "../client/contract.ts";
import { createJobRegistry } from "../job-registry.ts";
import { runBackend } from "../run-backend.ts";
import { countJob, countRunner } from "./count-job.ts";
import { greetingContract } from "./greeting-contract.ts";
import { greetingHandlers } from "./greeting-handlers.ts";

const counts = createJobRegistry(countJob, { run: countRunner() });

await runBackend({
  name: "greeting",
  contract: defineContract({ ...greetingContract, ...countJob.routes }),
  handlers: { ...greetingHandlers, ...counts.handlers },
  jobs: [counts],
  shutdownGraceMs: Number(process.env.GRACE_MS ?? 3_000),
});
