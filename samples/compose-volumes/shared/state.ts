// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";
import { maxNoteLength, maxStateEntries } from "./limits.ts";
import { volumeNamePattern } from "./volume-path.ts";

export const volumeNameSchema = z.string().regex(volumeNamePattern, "must be a Docker volume name");

/** The extension's own state: what the user pinned and wrote about volumes. */
export const stateSchema = z.strictObject({
  pinned: z
    .array(volumeNameSchema)
    .max(maxStateEntries)
    .refine((names) => new Set(names).size === names.length, "must not list a volume twice"),
  notes: z
    .record(volumeNameSchema, z.string().min(1).max(maxNoteLength))
    .refine((notes) => Object.keys(notes).length <= maxStateEntries, `must have at most ${maxStateEntries} notes`),
});

export type State = z.infer<typeof stateSchema>;

export const emptyState: State = { pinned: [], notes: {} };

/** Marks a file as this extension's export, so importing some other JSON fails with a clear message. */
export const exportFormat = "dext.compose-volumes.state";

/** What export answers and import accepts: the whole state, in a file the user keeps. */
export const exportDocumentSchema = z.strictObject({
  format: z.literal(exportFormat),
  version: z.literal(1),
  exportedAt: z.string(),
  state: stateSchema,
});

export type ExportDocument = z.infer<typeof exportDocumentSchema>;
