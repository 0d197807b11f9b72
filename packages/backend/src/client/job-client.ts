import { BackendClientError, kindForCode } from "./backend-client-error.ts";
import { createBackendClient } from "./create-backend-client.ts";
import type { BackendClientOptions } from "./create-backend-client.ts";
import type { ErrorBody } from "./error-body.ts";
import type { JobState } from "./job-state.ts";
import type { JobDefinition, JobInput, JobResult, JobStatus } from "./job.ts";
import type { Transport } from "./transport.ts";

export interface WaitForJobOptions<J extends JobDefinition> {
  /** Time between two polls. */
  intervalMs?: number;
  /** Stops polling (the job keeps running on the backend); the wait rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called with every status polled, for progress bars. */
  onStatus?: (status: JobStatus<J>) => void;
}

export interface JobClient<J extends JobDefinition> {
  readonly job: J;
  /** Starts a job; resolves its first status (usually `queued`), which carries its id. */
  start(input: JobInput<J>): Promise<JobStatus<J>>;
  /** The job's current status. A job the backend no longer knows (expired, restarted) is `not_found`. */
  poll(id: string): Promise<JobStatus<J>>;
  /** Asks the backend to abort the job; resolves its status, `cancelled` unless it had already finished. */
  cancel(id: string): Promise<JobStatus<J>>;
  /**
   * Polls until the job finishes. Resolves its typed result; rejects with a {@link BackendClientError}
   * whose kind is `cancelled` for a cancelled job, or the kind of the job's error for a failed one.
   */
  wait(id: string, options?: WaitForJobOptions<J>): Promise<JobResult<J>>;
  /** `start` then `wait`; aborting `options.signal` also cancels the job on the backend. */
  run(input: JobInput<J>, options?: WaitForJobOptions<J>): Promise<JobResult<J>>;
}

/** What every job status has, whatever its result type. */
interface AnyJobStatus {
  id: string;
  state: JobState;
  result?: unknown;
  error?: ErrorBody["error"];
}

type StatusCall = (input: { params?: { id: string }; body?: unknown }) => Promise<unknown>;

const defaultIntervalMs = 500;

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The outcome of a finished job, or `undefined` while it is still queued or running. */
export function settleJobStatus<J extends JobDefinition>(status: JobStatus<J>): { result: JobResult<J> } | undefined {
  const current = status as AnyJobStatus;
  if (current.state === "succeeded") return { result: current.result as JobResult<J> };
  if (current.state === "failed" && current.error !== undefined) {
    throw new BackendClientError({
      kind: kindForCode(current.error.code),
      message: current.error.message,
      body: { error: current.error },
    });
  }
  if (current.state === "cancelled") {
    throw new BackendClientError({ kind: "cancelled", message: `Job ${current.id} was cancelled` });
  }
  return undefined;
}

/**
 * A typed client for one job over any transport (Desktop's `vm.service`, fetch, a socket). Status
 * polls are GETs, so they ride out a backend restart with the client's retry for `unavailable`.
 */
export function createJobClient<J extends JobDefinition>(
  job: J,
  transport: Transport,
  options: BackendClientOptions = {},
): JobClient<J> {
  const routes = createBackendClient(job.routes, transport, options) as unknown as Readonly<Record<string, StatusCall>>;
  const route = (suffix: "Start" | "Status" | "Cancel"): StatusCall => {
    const call = routes[`${job.name}${suffix}`];
    if (call === undefined) throw new TypeError(`Job "${job.name}" has no ${suffix} route`);
    return call;
  };
  const startRoute = route("Start");
  const statusRoute = route("Status");
  const cancelRoute = route("Cancel");

  const client: JobClient<J> = {
    job,
    start: async (input) => (await startRoute({ body: input })) as JobStatus<J>,
    poll: async (id) => (await statusRoute({ params: { id } })) as JobStatus<J>,
    cancel: async (id) => (await cancelRoute({ params: { id } })) as JobStatus<J>,
    wait: async (id, waitOptions = {}) => {
      const intervalMs = waitOptions.intervalMs ?? defaultIntervalMs;
      for (;;) {
        waitOptions.signal?.throwIfAborted();
        const status = await client.poll(id);
        waitOptions.onStatus?.(status);
        const settled = settleJobStatus<J>(status);
        if (settled !== undefined) return settled.result;
        await sleep(intervalMs, waitOptions.signal);
      }
    },
    run: async (input, waitOptions = {}) => {
      const first = await client.start(input);
      waitOptions.onStatus?.(first);
      const { signal } = waitOptions;
      // Leaving the wait alone would keep the work running with nobody to read its result.
      const cancelOnAbort = () => void client.cancel(first.id).catch(() => undefined);
      signal?.addEventListener("abort", cancelOnAbort, { once: true });
      try {
        if (signal?.aborted === true) cancelOnAbort();
        return await client.wait(first.id, waitOptions);
      } finally {
        signal?.removeEventListener("abort", cancelOnAbort);
      }
    },
  };
  return client;
}
