import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Creates `path` and writes `data` to it, failing with EEXIST when anything is already there.
 * 'wx' is O_CREAT|O_EXCL, which also refuses a symlink at the path (dangling or not) instead of
 * following it, so a planted link cannot redirect the write to another file.
 */
export async function writeNewFile(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const handle = await open(path, "wx", mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (cause) {
    await handle.close();
    await rm(path, { force: true });
    throw cause;
  }
  await handle.close();
}

/**
 * Replaces `target` with `data`: written in full to a new file with a random name in the same
 * folder (see writeNewFile), then renamed over the target. rename replaces a symlink at the
 * target rather than writing through it, and a failure at any step leaves the target as it was.
 * `beforeRename` runs once the new content is safely on disk (migrate keeps its backup there);
 * when it throws, nothing is renamed.
 */
export async function replaceFile(
  target: string,
  data: string | Uint8Array,
  mode = 0o644,
  beforeRename?: () => Promise<void>,
): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString("hex")}.dext-tmp`);
  await writeNewFile(temporary, data, mode);
  try {
    await beforeRename?.();
    await rename(temporary, target);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw cause;
  }
}
