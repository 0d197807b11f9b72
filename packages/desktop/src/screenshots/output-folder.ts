import { randomBytes } from "node:crypto";
import { lstat, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { readPngHead, startsAsPng } from "./png-size.ts";
import { ScreenshotError } from "./screenshot-error.ts";

/**
 * The folder the person named with --out, as an absolute path: an existing folder, or a new one
 * made in a parent that exists (never a chain of folders, so a typo does not grow a tree).
 */
export async function prepareOutputFolder(named: string): Promise<string> {
  const dir = resolve(named);
  const found = await stat(dir).catch((error: unknown) => missing(error));
  if (found !== undefined) {
    if (!found.isDirectory()) throw refused(`--out ${named} is not a folder`);
    return dir;
  }
  const parent = await stat(dirname(dir)).catch((error: unknown) => missing(error));
  if (parent === undefined || !parent.isDirectory())
    throw refused(`--out ${named}: its parent ${dirname(dir)} is not an existing folder; create it first`);
  await mkdir(dir);
  return dir;
}

/**
 * Refuses before anything is captured when a file about to be written is not a PNG already:
 * only missing files and regular PNG files are ever replaced (no symlink, folder or other file).
 */
export async function checkReplaceable(dir: string, fileNames: readonly string[]): Promise<void> {
  for (const fileName of fileNames) {
    const path = join(dir, fileName);
    const found = await lstat(path).catch((error: unknown) => missing(error));
    if (found === undefined) continue;
    if (!found.isFile()) throw refused(`${path} exists and is not a regular file; it is never replaced`);
    const head = await readPngHead(path);
    if (head === undefined || !startsAsPng(head))
      throw refused(`${path} exists and is not a PNG; it is never overwritten (move it, or choose another --out)`);
  }
}

/** Writes beside the target under a fresh name, then renames over it, so no link is written through. */
export async function writeOutputFile(dir: string, fileName: string, bytes: Uint8Array): Promise<string> {
  if (basename(fileName) !== fileName) throw refused(`${fileName} is not a plain file name`);
  await checkReplaceable(dir, [fileName]);
  const path = join(dir, fileName);
  const temporary = join(dir, `.${fileName}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return path;
}

function missing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
  throw error;
}

function refused(message: string): ScreenshotError {
  return new ScreenshotError("output_refused", message);
}
