import { createJobRegistry } from "@dext/backend";
import { sizeScanJob } from "../shared/contract.ts";
import { exportFormat } from "../shared/state.ts";
import { createSizeScanRunner } from "./size-scan.ts";
import { withStateErrors } from "./state-route-error.ts";
import { withNote, withPin } from "./state/state-changes.ts";
import type { Handlers, JobRegistry } from "@dext/backend";
import type { Contract } from "../shared/contract.ts";
import type { EngineClient } from "./engine/engine-client.ts";
import type { StateStore } from "./state/state-store.ts";
import type { VolumeInspector } from "./volume-inspector.ts";

export interface HandlerDeps {
  engine: EngineClient;
  inspector: VolumeInspector;
  store: StateStore;
}

export interface BackendParts {
  handlers: Handlers<Contract>;
  scans: JobRegistry<typeof sizeScanJob>;
}

export function createHandlers({ engine, inspector, store }: HandlerDeps): BackendParts {
  // One scan at a time: two would walk the same disks twice, for the same answer.
  const scans = createJobRegistry(sizeScanJob, { run: createSizeScanRunner(engine, inspector), maxConcurrent: 1 });
  const handlers: Handlers<Contract> = {
    listVolumes: (_input, { signal }) => inspector.list(signal),
    browseVolume: async ({ params, query }, { signal }) => ({
      volume: params.name,
      listing: await inspector.browse(params.name, query.path, signal),
    }),
    getState: () => withStateErrors(() => store.read()),
    setPinned: ({ params, body }) =>
      withStateErrors(() => store.update((state) => withPin(state, params.name, body.pinned))),
    setNote: ({ params, body }) =>
      withStateErrors(() => store.update((state) => withNote(state, params.name, body.note))),
    exportState: () =>
      withStateErrors(async () => ({
        format: exportFormat,
        version: 1 as const,
        exportedAt: new Date().toISOString(),
        state: await store.read(),
      })),
    // The contract's schema has checked the whole document; the store swaps it in with one rename
    // (and keeps an unusable file aside, since replacing it is what the user asked for).
    importState: ({ body }) => withStateErrors(() => store.replace(body.state)),
    ...scans.handlers,
  };
  return { handlers, scans };
}
