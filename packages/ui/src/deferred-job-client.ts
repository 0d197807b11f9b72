import { loadWithBackendClient } from "./load-with-backend-client.ts";
import type { BackendClientOptions, DesktopHttpService, JobClient, JobDefinition } from "@dext/backend/client";

/** A job, or a function that imports it: `() => import("../shared/contract.ts").then((m) => m.sizeScanJob)`. */
export type JobSource<J extends JobDefinition> = J | (() => Promise<J>);

/** A job client without the definition itself, which a deferred client has only after its first call. */
export type DeferredJobClient<J extends JobDefinition> = Omit<JobClient<J>, "job">;

/**
 * A job client whose code, and given a loader whose job definition (zod schemas), load on the
 * first call instead of with the tab's first view: see createDeferredBackendClient.
 */
export function createDeferredJobClient<J extends JobDefinition>(
  source: JobSource<J>,
  service: DesktopHttpService,
  options?: BackendClientOptions,
): DeferredJobClient<J> {
  const load = loadWithBackendClient(source, (job, { createDesktopServiceTransport, createJobClient }) =>
    createJobClient(job, createDesktopServiceTransport(service), options),
  );
  return {
    start: async (input) => (await load()).start(input),
    poll: async (id) => (await load()).poll(id),
    cancel: async (id) => (await load()).cancel(id),
    wait: async (id, waitOptions) => (await load()).wait(id, waitOptions),
    run: async (input, waitOptions) => (await load()).run(input, waitOptions),
  };
}
