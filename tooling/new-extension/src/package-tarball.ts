import { lstat, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

/** npm's fixed time for every entry, 1985-10-26 08:15:00 UTC, in seconds. */
const NPM_MTIME = 499_162_500;
const BLOCK = 512;

/** A file the tarball cannot hold as it is: not a regular file or folder, or a path ustar cannot name. */
export class PackageTarballError extends Error {
  readonly code = "UNPACKABLE_FILE";

  constructor(message: string) {
    super(message);
    this.name = "PackageTarballError";
  }
}

/** The file name npm gives a package's tarball: `@scope/name` 1.2.3 is `scope-name-1.2.3.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
}

/** ustar's name and prefix fields: a path of at most 100 bytes, or one split at a `/` into at most 155 + 100. */
function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: "" };
  for (let cut = path.indexOf("/"); cut !== -1; cut = path.indexOf("/", cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new PackageTarballError(`${path}: too long for a package tarball (ustar names at most 255 bytes)`);
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function header(path: string, size: number, mode: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { name, prefix } = splitPath(path);
  block.write(name, 0, 100, "utf8");
  block.write(octal(mode, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(NPM_MTIME, 12), 136, "ascii");
  block.write("        ", 148, "ascii"); // the checksum counts its own field as spaces
  block.write("0", 156, "ascii");
  block.write("ustar\u000000", 257, "ascii");
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return block;
}

async function regularFiles(dir: string, root = dir): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await regularFiles(path, root)));
    else if (entry.isFile()) found.push(path);
    else throw new PackageTarballError(`${relative(root, path)}: not a regular file or folder, so not packed`);
  }
  return found;
}

/**
 * Writes `dir`'s files to `file` as a package tarball, made in this process: `npm pack` cost about a
 * second of CPU per package, nine packages for every standalone project (and nine more for
 * `publint`). Every regular file under `dir`, as `package/<path>` in name order, in ustar format,
 * gzipped. Like npm: one fixed modification time (the same files give the same bytes), owner 0,
 * the file's mode without write bits for group and others.
 */
export async function writePackageTarball(dir: string, file: string): Promise<void> {
  const files = (await regularFiles(dir)).map((path) => relative(dir, path).split(sep).join("/")).sort();
  const parts: Buffer[] = [];
  for (const path of files) {
    const absolute = join(dir, path);
    const [bytes, stats] = await Promise.all([readFile(absolute), lstat(absolute)]);
    parts.push(header(`package/${path}`, bytes.length, stats.mode & 0o755), bytes);
    const padding = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
    if (padding > 0) parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  await writeFile(file, gzipSync(Buffer.concat(parts)));
}
