import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { extname } from "node:path";
import type { ServerResponse } from "node:http";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Sends a regular file, or resolves false when there is none at `path` (a FIFO, a device, a
 * folder). The descriptor is checked once opened and is released however the response ends,
 * a download the browser aborts included.
 */
export async function sendFile(
  response: ServerResponse,
  path: string,
  headers: Record<string, string> = {},
): Promise<boolean> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
  if (handle === undefined) return false;
  const info = await handle.stat().catch(() => undefined);
  if (info?.isFile() !== true) {
    await handle.close();
    return false;
  }
  response.writeHead(200, {
    "content-type": contentTypeFor(path),
    "content-length": info.size,
    "cache-control": "no-cache",
    ...headers,
  });
  const file = handle.createReadStream({ end: Math.max(0, info.size - 1), autoClose: true });
  try {
    await pipeline(file, response);
  } catch {
    // An aborted download is not an error here. A response already gone when the pipe starts
    // (ERR_STREAM_UNABLE_TO_PIPE) leaves the file stream untouched, so it is closed here, not by GC.
    file.destroy();
  } finally {
    await handle.close().catch(() => undefined);
  }
  return true;
}
