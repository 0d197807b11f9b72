// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";
import { maxLargestFiles, maxListedEntries, maxPreviewBytes } from "./limits.ts";

/**
 * What the helper container prints (one JSON document on stdout), and what the backend answers
 * after checking it against these schemas: the helper's output is data from a volume, not trusted.
 */

const entryKinds = ["file", "directory", "symlink", "other"] as const;

const entrySchema = z.object({
  name: z.string(),
  kind: z.enum(entryKinds),
  /** Apparent size (st_size) for files; 0 for the rest. */
  bytes: z.number().int().nonnegative(),
  modifiedAt: z.string(),
  /** Where a symbolic link points, as written in the link. */
  target: z.string().optional(),
});

export type Entry = z.infer<typeof entrySchema>;

export const listingSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("directory"),
    path: z.string(),
    /** Directories first, then by name. */
    entries: z.array(entrySchema).max(maxListedEntries),
    /** Entries left out beyond {@link maxListedEntries}. */
    omitted: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal("file"),
    path: z.string(),
    bytes: z.number().int().nonnegative(),
    modifiedAt: z.string(),
    /** The first {@link maxPreviewBytes} bytes as text; null when they are not UTF-8 text. */
    preview: z.string().max(maxPreviewBytes).nullable(),
    previewTruncated: z.boolean(),
  }),
]);

export type Listing = z.infer<typeof listingSchema>;

export const summarySchema = z.object({
  files: z.number().int().nonnegative(),
  directories: z.number().int().nonnegative(),
  /** Sum of the files' apparent sizes, as the helper counted them. */
  bytes: z.number().int().nonnegative(),
  largest: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative() })).max(maxLargestFiles),
  /** False when the walk stopped at its entry or time limit: the counts are lower bounds. */
  complete: z.boolean(),
});

export type Summary = z.infer<typeof summarySchema>;

/** Why the helper refused or failed, in words for the user. */
const helperProblemCodes = ["invalid_path", "not_found", "outside_volume", "unreadable"] as const;

export const helperProblemSchema = z.object({
  problem: z.object({ code: z.enum(helperProblemCodes), message: z.string() }),
});

export type HelperProblem = z.infer<typeof helperProblemSchema>;
