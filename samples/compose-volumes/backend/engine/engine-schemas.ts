// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";

// The parts of the Engine API's answers this backend reads. Unknown fields are dropped, so newer
// engines with more fields still parse; a missing field the backend needs fails loudly instead.

const labels = z
  .record(z.string(), z.string())
  .nullish()
  .transform((value) => value ?? {});

const engineVolumeSchema = z.object({
  Name: z.string(),
  Driver: z.string(),
  CreatedAt: z.string().optional(),
  Labels: labels,
});

export const volumeListSchema = z.object({
  Volumes: z
    .array(engineVolumeSchema)
    .nullish()
    .transform((value) => value ?? []),
});

export const containerListSchema = z.array(
  z.object({
    Id: z.string(),
    /** Unix seconds. */
    Created: z.number().optional(),
    Names: z
      .array(z.string())
      .nullish()
      .transform((value) => value ?? []),
    State: z.string(),
    Labels: labels,
    Mounts: z
      .array(
        z.object({
          Type: z.string(),
          Name: z.string().optional(),
          Destination: z.string(),
          RW: z.boolean(),
        }),
      )
      .nullish()
      .transform((value) => value ?? []),
  }),
);

/** `UsageData` is absent when the engine did not size the volume; its numbers are -1 when it cannot. */
export const systemDfSchema = z.object({
  Volumes: z
    .array(
      z.object({
        Name: z.string(),
        UsageData: z.object({ Size: z.number(), RefCount: z.number() }).nullish(),
      }),
    )
    .nullish()
    .transform((value) => value ?? []),
});

export const versionSchema = z.object({ Version: z.string(), ApiVersion: z.string() });

export const createdSchema = z.object({ Id: z.string() });

export const waitSchema = z.object({ StatusCode: z.number() });
