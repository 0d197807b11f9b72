import { RouteError } from "./errors.ts";
import { requestIdOf, sendRouteError, toRouteError } from "./error-response.ts";
import { silentLogger } from "./logger.ts";
import type { ErrorRequestHandler } from "express";
import type { ErrorCode } from "./client/error-codes.ts";
import type { Logger } from "./logger.ts";

export interface DextErrorHandlerOptions {
  /** Where an unexpected error's details go; the client only sees `Internal error (request <id>)`. */
  logger?: Logger;
}

/** The failures of Express's body parsers (`express.json()`), by their `type`, as dext's codes. */
const bodyParserCodes: Readonly<Record<string, ErrorCode>> = {
  "entity.too.large": "payload_too_large",
  "parameters.too.many": "payload_too_large",
  "entity.parse.failed": "invalid_input",
  "request.aborted": "invalid_input",
  "request.size.invalid": "invalid_input",
  "charset.unsupported": "unsupported_media_type",
  "encoding.unsupported": "unsupported_media_type",
};

const bodyParserMessages: Readonly<Partial<Record<ErrorCode, string>>> = {
  invalid_input: "Request body is not valid JSON",
  unsupported_media_type: "Request body must be UTF-8 JSON",
};

function fromBodyParser(error: unknown): RouteError | undefined {
  if (typeof error !== "object" || error === null || !("type" in error) || typeof error.type !== "string")
    return undefined;
  const code = bodyParserCodes[error.type];
  if (code === undefined) return undefined;
  if (code === "payload_too_large") {
    const limit = "limit" in error && typeof error.limit === "number" ? ` (at most ${error.limit} bytes)` : "";
    return new RouteError(code, `Request body is too large${limit}`, { cause: error });
  }
  return new RouteError(code, bodyParserMessages[code] ?? "Request body refused", { cause: error });
}

/**
 * Express error middleware that answers in dext's one error shape, with a request id: a refusal of
 * `express.json()` in front of the router (413 for a body over its `limit`, 400 for malformed JSON,
 * 415 for another charset), a RouteError a handler threw (`errors: "next"`), and anything else as a
 * 500 whose details only reach the log. Mount it last: `app.use(dextErrorHandler({ logger }))`.
 */
export function dextErrorHandler(options: DextErrorHandlerOptions = {}): ErrorRequestHandler {
  const logger = options.logger ?? silentLogger;
  return (error: unknown, req, res, next) => {
    // Express's own handler closes a connection whose answer is under way; there is nothing to add.
    if (res.headersSent) {
      next(error);
      return;
    }
    // The router set it when the error came from there (`errors: "next"`); a parser in front did not.
    const routerId = res.getHeader("x-request-id");
    const requestId = typeof routerId === "string" ? routerId : requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const path = req.originalUrl.split("?")[0] ?? "/";
    sendRouteError(res, fromBodyParser(error) ?? toRouteError(error, req.method, path, requestId, logger), requestId);
  };
}
