import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Identity } from "./sample-identity.js";
import { rewriteIdentity } from "./sample-identity.js";

/** Build output, caches and installs: regenerated in the copy, never copied. */
const SKIPPED = new Set(["node_modules", "dist", ".turbo", ".cache", "coverage"]);

/** A file is text when its first 8 KB hold no NUL byte; binaries (icons in PNG, say) are copied as they are. */
function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8192).includes(0);
}

/**
 * Copies a sample folder to `target` with its identity replaced in every text file's content and
 * in file names (`e2e/minimal-backend.e2e.test.ts` becomes `e2e/<name>.e2e.test.ts`). Modes are
 * kept, so scripts stay executable. Returns the paths written, relative to `target`.
 */
export async function copySample(source: string, target: string, from: Identity, to: Identity): Promise<string[]> {
  const written: string[] = [];
  async function walk(relative: string): Promise<void> {
    for (const entry of await readdir(join(source, relative), { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const from_ = join(relative, entry.name);
      const to_ = join(relative, rewriteIdentity(entry.name, from, to));
      if (entry.isDirectory()) {
        await mkdir(join(target, to_), { recursive: true });
        await walk(from_);
      } else if (entry.isFile()) {
        const bytes = await readFile(join(source, from_));
        const content = isText(bytes) ? rewriteIdentity(bytes.toString("utf8"), from, to) : bytes;
        await writeFile(join(target, to_), content, { mode: (await stat(join(source, from_))).mode & 0o777 });
        written.push(to_);
      }
    }
  }
  await mkdir(target, { recursive: true });
  await walk("");
  return written.sort();
}
