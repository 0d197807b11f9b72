import { setTimeout as delay } from "node:timers/promises";
import * as z from "zod";
import { defineJob } from "../client/job.ts";
import { RouteError } from "../errors.ts";
import type { JobRunner } from "../job-registry.ts";

/** A job for tests: counts `steps` steps of `stepMs` each, reporting progress, failing on request. */
export const countJob = defineJob({
  name: "count",
  input: z.object({
    steps: z.number().int().min(1).max(1_000),
    stepMs: z.number().int().min(0).max(1_000),
    /** Fails with a chosen error at this step. */
    refuseAt: z.number().int().optional(),
    /** Throws an unexpected error (with a secret in it) at this step. */
    crashAt: z.number().int().optional(),
  }),
  result: z.object({ counted: z.number() }),
});

export interface CountJobProbe {
  /** Steps finished by each run, by job id. */
  readonly counted: Map<string, number>;
  /** Ids of jobs whose signal was aborted while they ran. */
  readonly aborted: Set<string>;
}

export function countRunner(
  probe: CountJobProbe = { counted: new Map(), aborted: new Set() },
): JobRunner<typeof countJob> {
  return async (input, { id, signal, report, logger }) => {
    signal.addEventListener(
      "abort",
      () => {
        probe.aborted.add(id);
        logger.info("count job aborted", { jobId: id });
      },
      { once: true },
    );
    for (let step = 1; step <= input.steps; step++) {
      await delay(input.stepMs, undefined, { signal });
      if (step === input.refuseAt) throw new RouteError("conflict", `Refused at step ${step}`);
      if (step === input.crashAt) throw new Error("disk key is hunter2");
      probe.counted.set(id, step);
      report(step / input.steps, `step ${step} of ${input.steps}`);
    }
    return { counted: input.steps };
  };
}
