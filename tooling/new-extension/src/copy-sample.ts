import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Identity } from "./sample-identity.ts";
import { rewriteIdentity } from "./sample-identity.ts";
import { WrittenPaths } from "./written-paths.ts";

/**
 * Build output, caches and installs: regenerated in the copy, never copied. `.docker-context` is the
 * pruned workspace an image build of the sample leaves in its folder (tooling/docker/prune-context.sh).
 */
const SKIPPED = new Set(["node_modules", "dist", ".turbo", ".cache", "coverage", ".docker-context"]);

/** A file is text when its first 8 KB hold no NUL byte; binaries (icons in PNG, say) are copied as they are. */
function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8192).includes(0);
}

/** The copy, worked out in memory: every refusal (a title a file cannot carry) comes before a write. */
export interface SampleCopy {
  /** Relative folders, parents first. */
  dirs: string[];
  files: { path: string; content: string | Buffer; mode: number }[];
}

/**
 * The sample folder's copy with its identity replaced in every text file's content and in file
 * names (`e2e/minimal-backend.e2e.test.ts` becomes `e2e/<name>.e2e.test.ts`), modes kept so
 * scripts stay executable.
 */
export async function planSampleCopy(source: string, from: Identity, to: Identity): Promise<SampleCopy> {
  const copy: SampleCopy = { dirs: [], files: [] };
  async function walk(relative: string, renamed: string): Promise<void> {
    for (const entry of await readdir(join(source, relative), { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const from_ = join(relative, entry.name);
      const to_ = join(renamed, rewriteIdentity(entry.name, from, to));
      if (entry.isDirectory()) {
        copy.dirs.push(to_);
        await walk(from_, to_);
      } else if (entry.isFile()) {
        const bytes = await readFile(join(source, from_));
        const content = isText(bytes) ? rewriteIdentity(bytes.toString("utf8"), from, to, to_) : bytes;
        copy.files.push({ path: to_, content, mode: (await stat(join(source, from_))).mode & 0o777 });
      }
    }
  }
  await walk("", "");
  return copy;
}

/** Writes a planned copy into `target`, an existing empty folder; answers the paths written, relative to it. */
export async function writeSampleCopy(copy: SampleCopy, target: string, written: WrittenPaths): Promise<string[]> {
  for (const dir of copy.dirs) await written.mkdir(join(target, dir));
  // "wx": the folder is this run's own; a file already there would mean someone else is writing in it.
  for (const file of copy.files)
    await written.writeFile(join(target, file.path), file.content, { mode: file.mode, flag: "wx" });
  return copy.files.map((file) => file.path).sort();
}

/** Plans and writes in one go, into an existing empty folder `target`. */
export async function copySample(
  source: string,
  target: string,
  from: Identity,
  to: Identity,
  written = new WrittenPaths(),
): Promise<string[]> {
  return writeSampleCopy(await planSampleCopy(source, from, to), target, written);
}
