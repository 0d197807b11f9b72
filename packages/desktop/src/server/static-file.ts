import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
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

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** Sends a file, or resolves false when there is no regular file at `path`. */
export async function sendFile(response: ServerResponse, path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile() !== true) return false;
  response.writeHead(200, { "content-type": contentTypeFor(path), "content-length": info.size, "cache-control": "no-cache" });
  await new Promise<void>((resolve, reject) => {
    createReadStream(path).on("error", reject).on("end", resolve).pipe(response);
  });
  return true;
}
