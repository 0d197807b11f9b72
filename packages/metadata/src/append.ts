/**
 * Appends every item of each batch to `list`, in place. `list.push(...items)` passes each item as
 * a call argument and overflows the stack past about a hundred thousand, which a hostile
 * metadata.json (a megabyte of empty host binaries) reaches in findings alone.
 */
export function append<T>(list: T[], ...batches: readonly (readonly T[])[]): T[] {
  for (const batch of batches) for (const item of batch) list.push(item);
  return list;
}
