// A backend process for the lifecycle tests: started with tsx, stopped with signals.
import { defineContract } from "../client/contract.js";
import { createJobRegistry } from "../job-registry.js";
import { runBackend } from "../run-backend.js";
import { countJob, countRunner } from "./count-job.js";
import { greetingContract } from "./greeting-contract.js";
import { greetingHandlers } from "./greeting-handlers.js";

const counts = createJobRegistry(countJob, { run: countRunner() });

await runBackend({
  name: "greeting",
  contract: defineContract({ ...greetingContract, ...countJob.routes }),
  handlers: { ...greetingHandlers, ...counts.handlers },
  jobs: [counts],
  shutdownGraceMs: Number(process.env.GRACE_MS ?? 3_000),
});
