// Leaf modules, not the client's index: the index is what loadWithBackendClient imports on the first
// call, and a static import of it would pull the whole client (and zod) into the first view.
import { BackendClientError } from "@dext/backend/client/backend-client-error";
import { isFinishedState } from "@dext/backend/client/job-state";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createDeferredJobClient } from "./deferred-job-client.ts";
import type { BackendClientOptions, JobDefinition, JobInput, JobResult, JobStatus } from "@dext/backend/client";
import type { DeferredJobClient, JobSource } from "./deferred-job-client.ts";
import type { DesktopClient } from "./desktop-client.ts";

export interface UseJobOptions extends BackendClientOptions {
  /** Time between two status polls; `vm.service` cannot push, so the UI asks. */
  intervalMs?: number;
}

/** A job as the UI sees it, and the actions on it. */
export interface JobView<J extends JobDefinition> {
  /** The last status the backend reported; `undefined` before a start or after `reset`. */
  readonly status: JobStatus<J> | undefined;
  readonly result: JobResult<J> | undefined;
  /** Why the job or a call about it failed; a cancelled job is not an error. */
  readonly error: Error | undefined;
  /** A start is in flight, or the job is queued or running. */
  readonly active: boolean;
  readonly cancelling: boolean;
  start: (input: JobInput<J>) => void;
  /** Follows a job started earlier, e.g. before the user left the tab (Desktop re-creates the UI). */
  watch: (id: string) => void;
  cancel: () => void;
  reset: () => void;
}

interface JobState<J extends JobDefinition> {
  status: JobStatus<J> | undefined;
  error: Error | undefined;
  starting: boolean;
  cancelling: boolean;
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/**
 * Runs one job of the extension's backend over Desktop's `vm.service` and keeps its status for
 * rendering, e.g. with `<JobProgress job={...} />`. Leaving the component stops polling but not
 * the job: only `cancel` stops the work. Pass a loader declared at module scope,
 * `() => import("../shared/contract.ts").then((m) => m.myJob)`, so the job's schemas (and zod)
 * load on the first start or watch rather than with the first view.
 */
export function useJob<J extends JobDefinition>(
  job: JobSource<J>,
  client: DesktopClient,
  options?: UseJobOptions,
): JobView<J> {
  const jobs: DeferredJobClient<J> = useMemo(() => {
    const service = client.extension.vm?.service;
    if (service === undefined) {
      throw new Error("This Desktop client has no extension.vm.service: declare a `vm` section in metadata.json");
    }
    return createDeferredJobClient(job, service, options);
  }, [job, client, options]);
  const intervalMs = options?.intervalMs;
  const [state, setState] = useState<JobState<J>>({
    status: undefined,
    error: undefined,
    starting: false,
    cancelling: false,
  });
  const following = useRef<AbortController | undefined>(undefined);

  const stopFollowing = useCallback(() => {
    following.current?.abort();
    following.current = undefined;
  }, []);
  useEffect(() => stopFollowing, [stopFollowing]);

  const follow = useCallback(
    (id: string, controller: AbortController) => {
      const { signal } = controller;
      const onStatus = (status: JobStatus<J>) => {
        if (!signal.aborted) setState((previous) => ({ ...previous, status, starting: false }));
      };
      jobs.wait(id, { intervalMs, signal, onStatus }).catch((reason: unknown) => {
        if (signal.aborted) return;
        // The status already says "cancelled"; that is the user's choice, not a failure.
        if (reason instanceof BackendClientError && reason.kind === "cancelled") return;
        setState((previous) => ({ ...previous, error: asError(reason), starting: false }));
      });
    },
    [jobs, intervalMs],
  );

  const start = useCallback(
    (input: JobInput<J>) => {
      stopFollowing();
      const controller = new AbortController();
      following.current = controller;
      setState({ status: undefined, error: undefined, starting: true, cancelling: false });
      jobs.start(input).then(
        (first) => {
          if (controller.signal.aborted) return;
          setState((previous) => ({ ...previous, status: first, starting: false }));
          follow(first.id, controller);
        },
        (reason: unknown) => {
          if (!controller.signal.aborted)
            setState((previous) => ({ ...previous, error: asError(reason), starting: false }));
        },
      );
    },
    [jobs, follow, stopFollowing],
  );

  const watch = useCallback(
    (id: string) => {
      stopFollowing();
      const controller = new AbortController();
      following.current = controller;
      setState({ status: undefined, error: undefined, starting: true, cancelling: false });
      follow(id, controller);
    },
    [follow, stopFollowing],
  );

  const id = state.status?.id;
  const cancel = useCallback(() => {
    if (id === undefined) return;
    setState((previous) => ({ ...previous, cancelling: true }));
    jobs.cancel(id).then(
      (status) =>
        setState((previous) => (previous.status?.id === id ? { ...previous, status, cancelling: false } : previous)),
      (reason: unknown) => setState((previous) => ({ ...previous, error: asError(reason), cancelling: false })),
    );
  }, [jobs, id]);

  const reset = useCallback(() => {
    stopFollowing();
    setState({ status: undefined, error: undefined, starting: false, cancelling: false });
  }, [stopFollowing]);

  const { status, error, starting, cancelling } = state;
  const running = status !== undefined && !isFinishedState(status.state) && error === undefined;
  const result = status?.state === "succeeded" ? (status as { result: JobResult<J> }).result : undefined;
  return { status, result, error, active: starting || running, cancelling, start, watch, cancel, reset };
}
