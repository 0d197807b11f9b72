import { safeParse } from "zod/v4/core";
import { isFinishedState } from "./client/job-state.ts";
import { JobCancelledError, RouteError } from "./errors.ts";
import { randomUuid } from "./random-uuid.ts";
import type * as z from "zod/v4/core";
import type { ErrorBody } from "./client/error-body.ts";
import type { JobState } from "./client/job-state.ts";
import type { JobDefinition, JobInput, JobResult, JobStatus } from "./client/job.ts";
import type { Handlers, HandlerContext } from "./create-backend-app.ts";
import type { Logger } from "./logger.ts";

export interface JobContext {
  readonly id: string;
  /** Aborted when the job is cancelled; long work should check it and stop. */
  readonly signal: AbortSignal;
  /** Progress from 0 to 1 (clamped) and what the job is doing, shown by the UI's progress bar. */
  readonly report: (progress: number, message?: string) => void;
  readonly logger: Logger;
}

/** Does the work; receives the input as the start route's schema parsed it. */
export type JobRunner<J extends JobDefinition> = (
  input: z.output<J["input"]>,
  context: JobContext,
) => JobResult<J> | Promise<JobResult<J>>;

export interface JobRegistryOptions<J extends JobDefinition> {
  run: JobRunner<J>;
  /** Jobs whose work has not ended; one more start is refused with 429 `too_many_requests`. */
  maxConcurrent?: number;
  /** How long a finished job's status stays readable; after that its id is `not_found`. */
  ttlMs?: number;
  /** Finished jobs kept at most, oldest dropped first, so memory stays bounded whatever the TTL. */
  maxFinished?: number;
}

export interface JobRegistry<J extends JobDefinition> {
  /** Spread into the backend's handlers next to the contract's own. */
  readonly handlers: Handlers<J["routes"]>;
  /** Jobs whose work has not ended yet (cancelled ones count until their runner returns). */
  readonly activeCount: number;
  status(id: string): JobStatus<J> | undefined;
  /** Cancels every queued or running job, e.g. before the process exits. */
  cancelAll(): void;
}

interface JobRecord {
  readonly id: string;
  state: JobState;
  progress: number;
  message: string;
  result?: unknown;
  error?: ErrorBody["error"];
  readonly controller: AbortController;
  finishedAt?: number;
}

// A function, not an inline comparison: the state changes across awaits, which narrowing cannot see.
function isRunning(record: JobRecord): boolean {
  return record.state === "running";
}

function clamp(progress: number): number {
  return Math.min(1, Math.max(0, progress));
}

/**
 * Runs the jobs of one {@link JobDefinition} in this process. Jobs live in memory: a backend
 * restart forgets them, and their ids then answer `not_found`, which the UI shows as such.
 */
export function createJobRegistry<J extends JobDefinition>(job: J, options: JobRegistryOptions<J>): JobRegistry<J> {
  const maxConcurrent = options.maxConcurrent ?? 4;
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxFinished = options.maxFinished ?? 100;
  const records = new Map<string, JobRecord>();
  let active = 0;

  const snapshot = (record: JobRecord): JobStatus<J> => {
    const { id, state, progress, message } = record;
    if (state === "succeeded") return { id, state, progress, message, result: record.result } as JobStatus<J>;
    if (state === "failed") return { id, state, progress, message, error: record.error } as JobStatus<J>;
    return { id, state, progress, message } as JobStatus<J>;
  };

  // Expiry happens on access rather than on timers: nothing to clean up, nothing keeps the process alive.
  const sweep = () => {
    const now = Date.now();
    const finished: JobRecord[] = [];
    for (const record of records.values()) {
      if (record.finishedAt === undefined) continue;
      if (now - record.finishedAt >= ttlMs) records.delete(record.id);
      else finished.push(record);
    }
    for (const record of finished.slice(0, Math.max(0, finished.length - maxFinished))) records.delete(record.id);
  };

  const finish = (record: JobRecord, state: "succeeded" | "failed" | "cancelled", fields: Partial<JobRecord> = {}) => {
    Object.assign(record, fields, { state, finishedAt: Date.now() });
  };

  const execute = async (record: JobRecord, input: unknown, context: HandlerContext) => {
    const { logger, requestId } = context;
    const jobContext: JobContext = {
      id: record.id,
      signal: record.controller.signal,
      logger,
      report: (progress, message) => {
        if (record.state !== "running") return;
        if (Number.isFinite(progress)) record.progress = clamp(progress);
        if (message !== undefined) record.message = message;
      },
    };
    try {
      // Cancelled before it started: never run it; the finally below frees its slot.
      if (record.state !== "queued") return;
      record.state = "running";
      const output = await options.run(input as z.output<J["input"]>, jobContext);
      // A cancel while the runner was busy has the last word.
      if (!isRunning(record)) return;
      const checked = safeParse(job.result, output);
      if (checked.success) {
        finish(record, "succeeded", { progress: 1, result: checked.data });
        return;
      }
      logger.error("job result outside its contract", {
        job: job.name,
        jobId: record.id,
        requestId,
        issues: checked.error.issues,
      });
      finish(record, "failed", {
        error: { code: "internal", message: `Internal error (job ${record.id})`, requestId },
      });
    } catch (error) {
      if (!isRunning(record)) return;
      if (error instanceof RouteError) {
        const failure: ErrorBody["error"] = { code: error.code, message: error.message, requestId };
        if (error.issues !== undefined && error.issues.length > 0) failure.issues = [...error.issues];
        finish(record, "failed", { error: failure });
        return;
      }
      // Internals go to the operator's log, never to the UI.
      logger.error("job failed", { job: job.name, jobId: record.id, requestId, err: error });
      finish(record, "failed", {
        error: { code: "internal", message: `Internal error (job ${record.id})`, requestId },
      });
    } finally {
      // The slot is held until the runner returns, even after a cancel: until then the work goes on.
      active--;
    }
  };

  const find = (id: string): JobRecord => {
    sweep();
    const record = records.get(id);
    if (record === undefined) {
      throw new RouteError(
        "not_found",
        `No ${job.name} job ${id}: it never existed, expired, or the backend restarted`,
      );
    }
    return record;
  };

  const start = (input: unknown, context: HandlerContext): JobStatus<J> => {
    sweep();
    if (active >= maxConcurrent) {
      throw new RouteError(
        "too_many_requests",
        `${active} ${job.name} jobs are already running, the most this backend runs at once; wait for one to finish or cancel one`,
      );
    }
    const record: JobRecord = {
      id: randomUuid(),
      state: "queued",
      progress: 0,
      message: "",
      controller: new AbortController(),
    };
    records.set(record.id, record);
    active++;
    // Started after the response is built, so the start call answers at once with `queued`.
    setImmediate(() => void execute(record, input, context));
    return snapshot(record);
  };

  const cancel = (record: JobRecord): JobStatus<J> => {
    if (!isFinishedState(record.state)) {
      finish(record, "cancelled", { message: "Cancelled" });
      record.controller.abort(new JobCancelledError(`${job.name} job ${record.id} was cancelled`));
    }
    return snapshot(record);
  };

  const handlers = {
    [`${job.name}Start`]: (input: { body: JobInput<J> }, context: HandlerContext) => start(input.body, context),
    [`${job.name}Status`]: (input: { params: { id: string } }) => snapshot(find(input.params.id)),
    [`${job.name}Cancel`]: (input: { params: { id: string } }) => cancel(find(input.params.id)),
  } as unknown as Handlers<J["routes"]>;

  return {
    handlers,
    get activeCount() {
      return active;
    },
    status: (id) => {
      sweep();
      const record = records.get(id);
      return record === undefined ? undefined : snapshot(record);
    },
    cancelAll: () => {
      for (const record of records.values()) cancel(record);
    },
  };
}
