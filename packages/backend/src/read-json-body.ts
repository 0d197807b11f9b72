import { RouteError } from "./errors.js";
import type { IncomingMessage } from "node:http";

/** Parses "1mb", "64kb", "512b" or a plain number of bytes. */
export function parseByteLimit(limit: string | number): number {
  if (typeof limit === "number") return limit;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(limit.trim());
  if (match === null) throw new TypeError(`Body limit must look like "1mb" or "64kb", got "${limit}"`);
  const units: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
  return Math.floor(Number(match[1]) * (units[(match[2] ?? "b").toLowerCase()] ?? 1));
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** Refuses, before reading a byte, what this reader would not understand. */
function checkHeaders(req: IncomingMessage, limitBytes: number): void {
  const [type = "", ...parameters] = (req.headers["content-type"] ?? "").split(";");
  if (type.trim().toLowerCase() !== "application/json") {
    throw new RouteError("unsupported_media_type", "Request body must be JSON (content-type: application/json)");
  }
  const charset = parameters.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("charset="));
  if (charset !== undefined && !["charset=utf-8", 'charset="utf-8"', "charset=utf8"].includes(charset)) {
    throw new RouteError("unsupported_media_type", "Request body must be UTF-8");
  }
  const encoding = req.headers["content-encoding"];
  // Desktop's proxy never compresses requests; accepting compression would only widen the attack surface.
  if (encoding !== undefined && encoding.toLowerCase() !== "identity") {
    throw new RouteError("unsupported_media_type", `Request body encoding "${encoding}" is not supported`);
  }
  if (Number(req.headers["content-length"] ?? 0) > limitBytes) {
    throw new RouteError("payload_too_large", "Request body is too large");
  }
}

function readUpTo(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        reject(new RouteError("payload_too_large", "Request body is too large"));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    // The client went away mid-body: nobody will read an answer, and it is not a server fault to log.
    const onError = (cause?: Error) => {
      cleanup();
      reject(new RouteError("invalid_input", "Request body ended early", { cause }));
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onError);
  });
}

/**
 * Reads a JSON request body of at most `limitBytes`: `undefined` when the request has none.
 * Like Express's JSON parser: UTF-8 only, a leading BOM ignored, an empty body read as `{}`,
 * and only an object or array accepted at the top level.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  checkHeaders(req, limitBytes);
  const text = (await readUpTo(req, limitBytes)).toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") return {};
  // JSON's own whitespace (space, tab, LF, CR), not \s, which also skips characters JSON forbids.
  const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
  if (first !== "{" && first !== "[") throw new RouteError("invalid_input", "Request body is not valid JSON");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RouteError("invalid_input", "Request body is not valid JSON");
  }
}
