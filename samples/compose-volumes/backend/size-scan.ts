import { RouteError } from "@dext/backend";
import { withEngineErrors } from "./engine-route-error.ts";
import { listVolumes } from "./engine/list-volumes.ts";
import { volumeSizes } from "./engine/volume-sizes.ts";
import type { JobRunner } from "@dext/backend";
import type { sizeScanJob } from "../shared/contract.ts";
import type { EngineClient } from "./engine/engine-client.ts";
import type { VolumeInspector } from "./volume-inspector.ts";

/** Share of the progress bar for the engine's /system/df, which reports nothing while it works. */
const dfShare = 0.1;

function reason(error: unknown): string {
  return error instanceof RouteError || error instanceof Error ? error.message : String(error);
}

/**
 * The size scan: the engine's sizes of every volume in one `GET /system/df`, then one helper
 * container per volume for its file count and largest files, reporting progress per volume. Each
 * volume's result is kept as soon as it is known, so the list fills in while the scan runs; a
 * volume whose walk fails keeps its engine size and says why.
 */
export function createSizeScanRunner(engine: EngineClient, inspector: VolumeInspector): JobRunner<typeof sizeScanJob> {
  return async (input, { signal, report }) => {
    report(0, "Listing volumes");
    const existing = (await withEngineErrors(() => listVolumes(engine, signal))).map((volume) => volume.name);
    const names = input.volumes === undefined ? existing : input.volumes.filter((name) => existing.includes(name));
    report(0.02, `The engine is sizing ${names.length} volumes (GET /system/df)`);
    const sizes = await withEngineErrors(() => volumeSizes(engine, signal));
    const scannedAt = new Date().toISOString();
    let failed = 0;
    for (const [index, name] of names.entries()) {
      signal.throwIfAborted();
      report(dfShare + ((1 - dfShare) * index) / names.length, `Walking ${name} (${index + 1} of ${names.length})`);
      const bytes = sizes.get(name) ?? null;
      try {
        const contents = await inspector.summarize(name, signal);
        inspector.scans.set(name, { scannedAt, bytes, contents, problem: null });
      } catch (error) {
        if (signal.aborted) throw error;
        failed++;
        inspector.scans.set(name, { scannedAt, bytes, contents: null, problem: reason(error) });
      }
    }
    report(
      1,
      failed === 0
        ? `${names.length} volumes scanned`
        : `${names.length} volumes scanned, ${failed} could not be walked`,
    );
    return { scannedAt, scanned: names.length, failed };
  };
}
