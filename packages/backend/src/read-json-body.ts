import { TextDecoder } from "node:util";
import { RouteError } from "./errors.ts";
import type { IncomingMessage } from "node:http";

/** Parses "1mb", "64kb", "512b" or a plain number of bytes. */
export function parseByteLimit(limit: string | number): number {
  if (typeof limit === "number") return limit;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(limit.trim());
  if (match === null) throw new TypeError(`Body limit must look like "1mb" or "64kb", got "${limit}"`);
  const units: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
  return Math.floor(Number(match[1]) * (units[(match[2] ?? "b").toLowerCase()] ?? 1));
}

/** Ample for a JSON body over a local socket; only a stalled or hostile client takes longer. */
export const defaultBodyTimeoutMs = 10_000;

export interface BodyReadOptions {
  readonly limitBytes: number;
  /** From the start of the read to the body's last byte; a slower body is a 408. */
  readonly timeoutMs: number;
}

/** True when the request says a body follows, whether or not anyone reads it. */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** A declared length over the limit is refused on every route, before a byte of it is read. */
export function refuseDeclaredOversize(req: IncomingMessage, limitBytes: number): void {
  if (Number(req.headers["content-length"] ?? 0) > limitBytes) {
    throw new RouteError("payload_too_large", "Request body is too large");
  }
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
  if (encoding !== undefined && encoding.trim().toLowerCase() !== "identity") {
    throw new RouteError("unsupported_media_type", `Request body encoding "${encoding}" is not supported`);
  }
  // Node decodes the chunked framing and hands over anything before it ("gzip, chunked") as is.
  const transfer = req.headers["transfer-encoding"];
  if (transfer !== undefined && transfer.trim().toLowerCase() !== "chunked") {
    throw new RouteError(
      "unsupported_media_type",
      `Request transfer encoding "${transfer}" is not supported; send the body chunked or with a content-length`,
    );
  }
  refuseDeclaredOversize(req, limitBytes);
}

function readUpTo(req: IncomingMessage, { limitBytes, timeoutMs }: BodyReadOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // A total deadline, not an idle one: a body trickled a byte at a time must end too.
    const timer = setTimeout(() => {
      cleanup();
      reject(new RouteError("request_timeout", `Request body did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
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
      clearTimeout(timer);
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

let utf8: TextDecoder | undefined;

/** Strict: Buffer's own decoding would turn bad bytes into U+FFFD and let them reach the handler. */
function decodeUtf8(bytes: Buffer): string {
  // Also drops a leading BOM (ignoreBOM is false).
  utf8 ??= new TextDecoder("utf-8", { fatal: true });
  try {
    return utf8.decode(bytes);
  } catch {
    throw new RouteError("invalid_input", "Request body is not valid UTF-8");
  }
}

/**
 * Reads a JSON request body within `limitBytes` and `timeoutMs`: `undefined` when the request has
 * none. Like Express's JSON parser: UTF-8 only, a leading BOM ignored, an empty body read as `{}`,
 * and only an object or array accepted at the top level.
 */
export async function readJsonBody(req: IncomingMessage, options: BodyReadOptions): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  checkHeaders(req, options.limitBytes);
  // Read already, by a body parser in front (express.json()): waiting for it would only time out.
  if (req.readableEnded)
    throw new Error("The request body was already read before the dext app: mount it before any body parser");
  const text = decodeUtf8(await readUpTo(req, options));
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
