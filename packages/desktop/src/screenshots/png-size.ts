import { constants } from "node:fs";
import { open } from "node:fs/promises";

// No library: a PNG's size is two integers at fixed offsets of its first chunk (IHDR), 24 bytes in.
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR_END = 24;

export interface PngSize {
  width: number;
  height: number;
}

/** Whether the bytes start with the PNG signature. */
export function startsAsPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.equals(bytes.subarray(0, PNG_SIGNATURE.length));
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): PngSize | undefined {
  if (bytes.length < IHDR_END || !startsAsPng(bytes)) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, IHDR_END);
  if (view.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/**
 * The first bytes of a regular file, enough for its signature and IHDR (fewer when it is shorter);
 * undefined for a symlink, a folder, a FIFO or a device, which are opened non-blocking and never read.
 */
export async function readPngHead(path: string): Promise<Buffer | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ELOOP") return undefined;
      throw error;
    },
  );
  if (handle === undefined) return undefined;
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    const head = Buffer.alloc(IHDR_END);
    const { bytesRead } = await handle.read(head, 0, IHDR_END, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
