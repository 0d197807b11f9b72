import { lstat, mkdir, rmdir, unlink, writeFile } from "node:fs/promises";
import type { WriteFileOptions } from "node:fs";

/**
 * The folders and files this run created, so that a failure removes exactly those: files it wrote
 * (and are still regular files), then folders it made, deepest first, with `rmdir`, which only
 * removes an empty one. Never a recursive removal: a folder someone else put a file in stays.
 */
export class WrittenPaths {
  private readonly files = new Set<string>();
  private readonly dirs: string[] = [];

  /** Records a folder this run created some other way (mkdtemp, a recursive mkdir's result). */
  dir(path: string): void {
    this.dirs.push(path);
  }

  /** Records a file this run had written for it (a vendored package tarball). */
  file(path: string): void {
    this.files.add(path);
  }

  async mkdir(path: string): Promise<void> {
    await mkdir(path);
    this.dir(path);
  }

  async writeFile(path: string, data: string | Uint8Array, options?: WriteFileOptions): Promise<void> {
    // Recorded first: a write that fails half-way still leaves a file of ours.
    this.file(path);
    await writeFile(path, data, options);
  }

  /** Removes what was recorded; answers what could not be removed (it held something else). */
  async removeAll(): Promise<string[]> {
    const kept: string[] = [];
    for (const file of this.files) {
      const stats = await lstat(file).catch(() => undefined);
      if (stats === undefined) continue;
      if (stats.isFile()) await unlink(file);
      else kept.push(file);
    }
    for (const dir of [...this.dirs].reverse()) {
      const stats = await lstat(dir).catch(() => undefined);
      if (stats === undefined) continue;
      if (!stats.isDirectory()) {
        kept.push(dir);
        continue;
      }
      await rmdir(dir).catch(() => kept.push(dir));
    }
    return kept;
  }
}
