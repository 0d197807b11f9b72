import { RouteError } from "./errors.ts";
import { randomUuid } from "./random-uuid.ts";
import { closeIfBodyPending } from "./unread-body.ts";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorBody } from "./client/error-body.ts";
import type { Logger } from "./logger.ts";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  closeIfBodyPending(res.req, res);
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** A well-formed id from the caller (Desktop, a proxy, a test) is kept, so logs line up across hops. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUuid();
}

/** Maps anything thrown to the error shape; internals of unexpected errors stay in the log. */
export function toRouteError(
  error: unknown,
  method: string,
  path: string,
  requestId: string,
  logger: Logger,
): RouteError {
  if (error instanceof RouteError) return error;
  logger.error("request failed", { requestId, method, path, err: error });
  return new RouteError("internal", `Internal error (request ${requestId})`);
}

/**
 * Answers `error` in the one error shape, with its `x-request-id`, or cuts an answer already under
 * way. Also for what a server serves beside its contract (files, a proxy) and refuses. Returns the
 * request id, to log beside the refusal.
 */
export function sendRouteError(res: ServerResponse, error: RouteError, requestId = requestIdOf(res.req)): string {
  if (res.headersSent) {
    // Half an answer cannot be turned into an error: cut it, so the client sees a failure.
    res.destroy();
    return requestId;
  }
  res.setHeader("x-request-id", requestId);
  const body: ErrorBody = { error: { code: error.code, message: error.message, requestId } };
  if (error.issues !== undefined && error.issues.length > 0) body.error.issues = [...error.issues];
  sendJson(res, error.status, body);
  return requestId;
}
