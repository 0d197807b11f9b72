import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { DesktopHostError } from "./errors.js";

/** Text files the host reads from an extension (metadata.json, Dockerfile, compose file) are small; 1 MiB is generous. */
export const maxTextFileBytes = 1_048_576;

/**
 * Reads a regular file of at most `maxBytes` as UTF-8. Opened non-blocking, so a FIFO in the
 * file's place cannot hang the host, and checked on the open descriptor, so a device (`/dev/zero`)
 * or a file swapped in after a check is never read.
 */
export async function readRegularFile(path: string, maxBytes = maxTextFileBytes): Promise<string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw new DesktopHostError("file_unreadable", `Cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new DesktopHostError("file_unreadable", `Cannot read ${path}: not a regular file`);
    if (info.size > maxBytes) throw new DesktopHostError("file_unreadable", `Cannot read ${path}: ${info.size} bytes, over the ${maxBytes}-byte limit`);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    // Read to the cap, not to the size stat gave: a file that grows meanwhile is still bounded.
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new DesktopHostError("file_unreadable", `Cannot read ${path}: over the ${maxBytes}-byte limit`);
    }
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    await handle.close();
  }
}
