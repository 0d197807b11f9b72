// Limits, apart from the schemas so the helper container and the UI's first view bundle no zod.

/** Entries listed per directory at most; the rest are counted in `omitted`. */
export const maxListedEntries = 2_000;

/** Bytes of a file shown as text at most. */
export const maxPreviewBytes = 4_096;

/** Files kept in a summary's `largest`. */
export const maxLargestFiles = 5;

/** Longest note kept per volume, in characters. */
export const maxNoteLength = 2_000;

/** Pins and notes kept at most, so that one state file stays small enough to rewrite on every change. */
export const maxStateEntries = 1_000;
