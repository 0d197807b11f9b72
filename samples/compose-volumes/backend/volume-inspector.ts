import { RouteError } from "@dext/backend";
import { listingSchema, summarySchema } from "../shared/listing.ts";
import { withEngineErrors } from "./engine-route-error.ts";
import { versionSchema } from "./engine/engine-schemas.ts";
import { runHelper } from "./engine/helper-container.ts";
import { listVolumes } from "./engine/list-volumes.ts";
import { readHelperOutput } from "./helper-output.ts";
import type { Listing, Summary } from "../shared/listing.ts";
import type { Volume } from "../shared/contract.ts";
import type { EngineClient } from "./engine/engine-client.ts";

export interface VolumeInspector {
  list(signal?: AbortSignal): Promise<{ volumes: Volume[]; engineVersion: string }>;
  browse(volume: string, path: string, signal?: AbortSignal): Promise<Listing>;
  summarize(volume: string, signal?: AbortSignal): Promise<Summary>;
  /** What the last scan found, by volume; the size-scan job fills it. */
  readonly scans: Map<string, NonNullable<Volume["scan"]>>;
}

/** The engine-facing work of the routes, over one engine client and the image helpers run from. */
export function createVolumeInspector(engine: EngineClient, image: string | undefined): VolumeInspector {
  const scans = new Map<string, NonNullable<Volume["scan"]>>();

  const helperImage = (): string => {
    if (image !== undefined) return image;
    throw new RouteError(
      "unavailable",
      "EXTENSION_IMAGE is not set, so the backend does not know which image to run its helper containers from (the compose file sets it to ${DESKTOP_PLUGIN_IMAGE})",
    );
  };

  /** Mounting a volume that does not exist would create it: check first, and say which one is missing. */
  const requireVolume = async (volume: string, signal?: AbortSignal): Promise<void> => {
    try {
      await withEngineErrors(() =>
        engine.bytes({ method: "GET", path: `/volumes/${encodeURIComponent(volume)}`, signal }),
      );
    } catch (error) {
      if (error instanceof RouteError && error.code === "not_found")
        throw new RouteError("not_found", `No volume named ${volume}`);
      throw error;
    }
  };

  return {
    scans,
    list: (signal) =>
      withEngineErrors(async () => {
        const [volumes, version] = await Promise.all([
          listVolumes(engine, signal),
          engine.json(versionSchema, { method: "GET", path: "/version", signal }),
        ]);
        return {
          volumes: volumes.map((volume) => ({ ...volume, scan: scans.get(volume.name) ?? null })),
          engineVersion: version.Version,
        };
      }),
    browse: async (volume, path, signal) => {
      const image = helperImage();
      await requireVolume(volume, signal);
      const run = await withEngineErrors(() =>
        runHelper(engine, { image, volume, args: ["list", path], signal, timeoutMs: 30_000 }),
      );
      return readHelperOutput(run, listingSchema);
    },
    summarize: async (volume, signal) => {
      const image = helperImage();
      await requireVolume(volume, signal);
      const run = await withEngineErrors(() =>
        runHelper(engine, { image, volume, args: ["summary"], signal, timeoutMs: 60_000 }),
      );
      return readHelperOutput(run, summarySchema);
    },
  };
}
