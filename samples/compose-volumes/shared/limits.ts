// Limits of the helper container's output, apart from the schemas so the helper bundles no zod.

/** Entries listed per directory at most; the rest are counted in `omitted`. */
export const maxListedEntries = 2_000;

/** Bytes of a file shown as text at most. */
export const maxPreviewBytes = 4_096;

/** Files kept in a summary's `largest`. */
export const maxLargestFiles = 5;
