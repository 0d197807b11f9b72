// Hand-written, not write-file-atomic: that package does not fsync the folder after the rename,
// and without it a crash can lose the rename itself.
import { open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

let sequence = 0;

function tempPrefix(path: string): string {
  return `.${basename(path)}.`;
}

/**
 * Replaces `path` with `data` so that, whatever moment the process dies or the machine loses power,
 * the file holds either the old content or the new, whole:
 * 1. write a temporary file in the same folder (rename is atomic only within one file system),
 * 2. fsync it, so its bytes are on disk before its name is,
 * 3. rename it over `path`, which swaps the name in one step,
 * 4. fsync the folder, so the rename itself survives a power loss.
 * Resolves only after step 4: a caller may then tell the user the change is saved.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `${tempPrefix(path)}${process.pid}.${++sequence}.tmp`);
  // "wx": a leftover with the same name (a recycled pid) is never written through.
  const file = await open(temp, "wx", 0o600);
  try {
    await file.writeFile(data, "utf8");
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await file.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  const folder = await open(dir, "r");
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Deletes temporary files a killed writer left beside `path`. Call it before the first write, when
 * no other writer of this file runs; they never hold data that was acknowledged.
 */
export async function removeTempFiles(path: string): Promise<string[]> {
  const prefix = tempPrefix(path);
  const names = (await readdir(dirname(path))).filter((name) => name.startsWith(prefix) && name.endsWith(".tmp"));
  await Promise.all(names.map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
  return names;
}
