import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DesktopHostError } from "./errors.ts";

export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...headers,
  });
  response.end(body);
}

/**
 * The host's refusals in dext's one error shape, `{"error": {"code", "message", "requestId",
 * "issues"}}`; the request id is returned so the caller can log it beside the refusal.
 */
export function sendError(response: ServerResponse, status: number, code: string, message: string): string {
  const requestId = randomUUID();
  if (response.headersSent) {
    response.destroy();
    return requestId;
  }
  sendJson(
    response,
    status,
    { error: { code, message, requestId, issues: [] } },
    status === 413 || status === 400 ? { connection: "close" } : {},
  );
  return requestId;
}

/** Reads a JSON request body of at most `limit` bytes. */
export async function readJsonBody(request: IncomingMessage, limit = 1_048_576): Promise<unknown> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limit) throw new DesktopHostError("bad_request", `Request body over ${limit} bytes`);
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new DesktopHostError("bad_request", `Request body over ${limit} bytes`);
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch (cause) {
    throw new DesktopHostError("bad_request", "Request body is not valid UTF-8", { cause });
  }
  try {
    return text === "" ? {} : (JSON.parse(text) as unknown);
  } catch (cause) {
    throw new DesktopHostError("bad_request", "Request body is not valid JSON", { cause });
  }
}

export function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `decodeURIComponent` that says a malformed path is the caller's error (400), not the host's (500). */
export function decodePathPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (cause) {
    throw new DesktopHostError("bad_request", `Malformed percent-encoding in ${JSON.stringify(text.slice(0, 200))}`, {
      cause,
    });
  }
}
