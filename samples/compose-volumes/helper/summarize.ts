import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { maxLargestFiles } from "../shared/limits.ts";
import type { Summary } from "../shared/listing.ts";

export interface SummarizeLimits {
  /** Entries visited at most; a volume with more is reported incomplete. */
  maxEntries: number;
  /** Time spent at most, in milliseconds. */
  maxMs: number;
}

export const defaultSummarizeLimits: SummarizeLimits = { maxEntries: 200_000, maxMs: 20_000 };

/** Keeps the `maxLargestFiles` biggest files, biggest first. */
function keepLargest(largest: Summary["largest"], path: string, bytes: number): void {
  if (largest.length === maxLargestFiles && bytes <= (largest.at(-1)?.bytes ?? 0)) return;
  largest.push({ path, bytes });
  largest.sort((a, b) => b.bytes - a.bytes);
  if (largest.length > maxLargestFiles) largest.pop();
}

/**
 * Walks the whole volume: how many files and folders, their total apparent size, the largest files.
 * Symbolic links are counted as files of size 0 and never followed, so the walk stays in the volume.
 */
export async function summarize(root: string, limits: SummarizeLimits = defaultSummarizeLimits): Promise<Summary> {
  const deadline = Date.now() + limits.maxMs;
  const summary: Summary = { files: 0, directories: 0, bytes: 0, largest: [], complete: true };
  const pending = [""];
  let visited = 0;
  for (let relative = pending.pop(); relative !== undefined; relative = pending.pop()) {
    let dirents;
    try {
      dirents = await readdir(join(root, relative), { withFileTypes: true });
    } catch {
      // Removed while walking, or unreadable: the counts are no longer the whole truth.
      summary.complete = false;
      continue;
    }
    for (const dirent of dirents) {
      if (++visited > limits.maxEntries || Date.now() > deadline) {
        summary.complete = false;
        return summary;
      }
      const path = relative === "" ? dirent.name : `${relative}/${dirent.name}`;
      if (dirent.isDirectory()) {
        summary.directories++;
        pending.push(path);
        continue;
      }
      summary.files++;
      if (!dirent.isFile()) continue;
      const bytes = await lstat(join(root, path)).then(
        (stats) => stats.size,
        () => 0,
      );
      summary.bytes += bytes;
      keepLargest(summary.largest, path, bytes);
    }
  }
  return summary;
}
