import { systemDfSchema } from "./engine-schemas.ts";
import type { EngineClient } from "./engine-client.ts";

/**
 * Each volume's `UsageData.Size` from `GET /system/df`: the engine walks the directory of every
 * `local` volume on its disk and adds up the files' apparent sizes (st_size, so a sparse file counts
 * in full and a hard link once), at a cost that grows with the number of files. Other drivers give
 * -1, reported here as null. API 1.41 has no `type=volume` filter, so the call also sizes images,
 * containers and the build cache: one more reason to run it as a job, not on every list.
 */
export async function volumeSizes(engine: EngineClient, signal?: AbortSignal): Promise<Map<string, number | null>> {
  const { Volumes: volumes } = await engine.json(systemDfSchema, {
    method: "GET",
    path: "/system/df",
    signal,
    timeoutMs: 5 * 60_000,
  });
  const sizes = new Map<string, number | null>();
  for (const volume of volumes) {
    const size = volume.UsageData?.Size;
    sizes.set(volume.Name, size === undefined || size < 0 ? null : size);
  }
  return sizes;
}
