import { constants } from "node:fs";
import { access, lstat, readdir, rmdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { NewExtensionError } from "./errors.ts";

/** What is at the target before the run: nothing, or (standalone only) an empty real folder. */
export type TargetState = "missing" | "empty-folder";

/**
 * Checks where the new extension will go, without following a symbolic link in its place: a link
 * (even to an empty folder) is refused, as is a file or a folder with anything in it. The nearest
 * existing parent must be a folder this user can write to. Nothing is created.
 */
export async function checkTarget(target: string, options: { allowEmptyFolder: boolean }): Promise<TargetState> {
  if (/[\p{Cc}\u2028\u2029]/u.test(target))
    throw new NewExtensionError(
      "INVALID_TARGET",
      `the target path ${JSON.stringify(target)} has a newline or control character; choose a plain path`,
    );
  const found = await lstat(target).catch((error: unknown) => {
    // ENOTDIR: a file where a parent folder should be, which the parent check names.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new NewExtensionError(
      "INVALID_TARGET",
      `${target} cannot be checked (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  });
  if (found === undefined) {
    await checkWritableParent(target);
    return "missing";
  }
  if (found.isSymbolicLink())
    throw new NewExtensionError(
      "TARGET_EXISTS",
      `${target} is a symbolic link; new-extension does not follow it: name the real folder, or a new one`,
    );
  if (!found.isDirectory())
    throw new NewExtensionError("TARGET_EXISTS", `${target} exists and is not a folder; choose a new folder`);
  const entries = await readdir(target).catch(() => undefined);
  if (entries === undefined)
    throw new NewExtensionError("INVALID_TARGET", `${target} is a folder that cannot be read; choose another`);
  if (!options.allowEmptyFolder || entries.length > 0)
    throw new NewExtensionError(
      "TARGET_EXISTS",
      `${target} already exists${entries.length > 0 ? " and is not empty" : ""}; choose a new folder or remove it first`,
    );
  await checkWritableParent(target);
  return "empty-folder";
}

async function checkWritableParent(target: string): Promise<void> {
  let parent = dirname(target);
  for (;;) {
    const stats = await stat(parent).catch(() => undefined);
    if (stats !== undefined) {
      if (!stats.isDirectory())
        throw new NewExtensionError("INVALID_TARGET", `${parent} is not a folder, so ${target} cannot be made in it`);
      await access(parent, constants.W_OK).catch(() => {
        throw new NewExtensionError("INVALID_TARGET", `${parent} is not writable, so ${target} cannot be made in it`);
      });
      return;
    }
    if (dirname(parent) === parent) return;
    parent = dirname(parent);
  }
}

/**
 * Makes room for the rename of the finished copy onto a target that was an empty folder: that
 * folder is removed only if it still is one (checked with lstat, not through a link), and rmdir
 * itself refuses a folder that is no longer empty.
 */
export async function clearEmptyTarget(target: string): Promise<void> {
  const stats = await lstat(target);
  if (stats.isSymbolicLink() || !stats.isDirectory())
    throw new NewExtensionError("TARGET_EXISTS", `${target} changed while the copy was made; nothing was moved there`);
  await rmdir(target).catch(() => {
    throw new NewExtensionError("TARGET_EXISTS", `${target} is no longer empty; nothing was moved there`);
  });
}
