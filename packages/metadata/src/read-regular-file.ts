import { constants } from "node:fs";
import type { Stats } from "node:fs";
import { open } from "node:fs/promises";
import { FileRefusedError } from "./errors.ts";
import { formatBytes } from "./input-limits.ts";

// O_NONBLOCK: opening a FIFO without it waits for a writer forever. O_NOCTTY: a terminal device
// named metadata.json must not become the controlling terminal. Neither changes a regular file.
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

export interface RegularFile {
  bytes: Buffer;
  /** The file's permission bits, for writing a replacement with the same mode. */
  mode: number;
}

/**
 * Reads a regular file of at most `maxBytes`. The type is checked on the opened descriptor
 * (fstat), not on the path, so a file swapped for a FIFO or a device between a check and the
 * open is still refused; symlinks are followed, and what they lead to must be a regular file.
 * @throws {FileRefusedError} `not_a_regular_file` or `file_too_large`
 * @throws the fs error (ENOENT, EACCES…) when the path cannot be opened
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<RegularFile> {
  const handle = await open(path, READ_FLAGS);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      const kind = fileKind(stats);
      throw new FileRefusedError(
        "not_a_regular_file",
        `${path} is ${kind}, not a regular file; dext reads only regular files`,
        { path, kind },
      );
    }
    if (stats.size > maxBytes) throw tooLarge(path, maxBytes);
    // Read up to one byte past the cap: sizes can lie (procfs says 0) or grow while reading.
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, stats.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(path, maxBytes);
        const larger = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2 + 4096));
        buffer.copy(larger);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) return { bytes: buffer.subarray(0, length), mode: stats.mode & 0o777 };
      length += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** Reads a regular file of at most `maxBytes` as UTF-8 text (see readRegularFile). */
export async function readRegularText(path: string, maxBytes: number): Promise<string> {
  return (await readRegularFile(path, maxBytes)).bytes.toString("utf8");
}

function tooLarge(path: string, maxBytes: number): FileRefusedError {
  return new FileRefusedError(
    "file_too_large",
    `${path} is larger than ${formatBytes(maxBytes)}, more than dext reads for this file`,
    { path },
  );
}

/** "a FIFO", "a character device"…, for messages. */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}
