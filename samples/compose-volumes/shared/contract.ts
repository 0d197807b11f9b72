import { defineContract, defineJob, defineRoute } from "@dext/backend/client";
// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";
import { listingSchema, summarySchema } from "./listing.ts";
import { maxNoteLength } from "./limits.ts";
import { exportDocumentSchema, stateSchema, volumeNameSchema } from "./state.ts";
import { normalizeVolumePath, volumePathProblem } from "./volume-path.ts";

/** A path inside a volume; refused with the reason (traversal, NUL, too long), else normalised. */
const volumePathSchema = z
  .string()
  .superRefine((path, context) => {
    const problem = volumePathProblem(path);
    if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
  })
  .transform(normalizeVolumePath);

const containerUseSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The engine's state: running, exited, created... */
  state: z.string(),
  /** Where the volume is mounted in that container. */
  destination: z.string(),
  readOnly: z.boolean(),
});

/** What the last size scan found for a volume. */
const volumeScanSchema = z.object({
  scannedAt: z.string(),
  /**
   * The engine's `UsageData.Size` from `GET /system/df`: the apparent size in bytes of the files
   * under the volume's directory on the engine's disk, walked by the engine. Null when the engine
   * cannot tell (it reports -1 for volumes of drivers other than `local`).
   */
  bytes: z.number().int().nonnegative().nullable(),
  /** The helper container's walk of the volume; null when it could not run (see `problem`). */
  contents: summarySchema.nullable(),
  problem: z.string().nullable(),
});

const volumeSchema = z.object({
  name: z.string(),
  driver: z.string(),
  createdAt: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  /** The compose project that created it (`com.docker.compose.project`), for grouping. */
  composeProject: z.string().nullable(),
  /** Containers (running or not) that mount it. */
  usedBy: z.array(containerUseSchema),
  /** Null until a size scan has covered this volume. */
  scan: volumeScanSchema.nullable(),
});

export type Volume = z.infer<typeof volumeSchema>;

/**
 * Sizing every volume walks every file: the engine's `/system/df`, then one helper container per
 * volume. It runs as a job so the UI shows progress and can cancel it.
 */
export const sizeScanJob = defineJob({
  name: "sizeScan",
  input: z.object({ volumes: z.array(volumeNameSchema).max(1_000).optional() }),
  result: z.object({ scannedAt: z.string(), scanned: z.number().int(), failed: z.number().int() }),
});

const volumeParams = z.object({ name: volumeNameSchema });

export const contract = defineContract({
  listVolumes: defineRoute({
    method: "GET",
    path: "/volumes",
    response: z.object({ volumes: z.array(volumeSchema), engineVersion: z.string() }),
  }),
  browseVolume: defineRoute({
    method: "GET",
    path: "/volumes/:name/files",
    params: volumeParams,
    query: z.object({ path: volumePathSchema.default("") }),
    response: z.object({ volume: z.string(), listing: listingSchema }),
  }),
  getState: defineRoute({ method: "GET", path: "/state", response: stateSchema }),
  setPinned: defineRoute({
    method: "PUT",
    path: "/state/pins/:name",
    params: volumeParams,
    body: z.object({ pinned: z.boolean() }),
    response: stateSchema,
  }),
  setNote: defineRoute({
    method: "PUT",
    path: "/state/notes/:name",
    params: volumeParams,
    /** An empty note deletes it. */
    body: z.object({ note: z.string().max(maxNoteLength) }),
    response: stateSchema,
  }),
  exportState: defineRoute({ method: "GET", path: "/state/export", response: exportDocumentSchema }),
  importState: defineRoute({
    method: "POST",
    path: "/state/import",
    body: exportDocumentSchema,
    response: stateSchema,
  }),
  ...sizeScanJob.routes,
});

export type Contract = typeof contract;
