import { createJobRegistry } from "@dext/backend";
import { sizeScanJob } from "../shared/contract.js";
import { exportFormat } from "../shared/state.js";
import { createSizeScanRunner } from "./size-scan.js";
import { withNote, withPin } from "./state/state-changes.js";
import type { Handlers, JobRegistry } from "@dext/backend";
import type { Contract } from "../shared/contract.js";
import type { EngineClient } from "./engine/engine-client.js";
import type { StateStore } from "./state/state-store.js";
import type { VolumeInspector } from "./volume-inspector.js";

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
    getState: () => store.current(),
    setPinned: ({ params, body }) => store.update((state) => withPin(state, params.name, body.pinned)),
    setNote: ({ params, body }) => store.update((state) => withNote(state, params.name, body.note)),
    exportState: () => ({ format: exportFormat, version: 1, exportedAt: new Date().toISOString(), state: store.current() }),
    // The contract's schema has checked the whole document; the store swaps it in with one rename.
    importState: ({ body }) => store.update(() => body.state),
    ...scans.handlers,
  };
  return { handlers, scans };
}
