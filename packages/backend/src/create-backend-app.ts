import { randomUUID } from "node:crypto";
import express from "express";
import { RouteError } from "./errors.js";
import { silentLogger } from "./logger.js";
import type { NextFunction, Request, Response } from "express";
import type { z } from "zod";
import type { Contract, RouteDefinition, RouteInput, RouteOutput } from "./client/contract.js";
import type { ErrorBody, ErrorCode, ErrorIssue } from "./client/error-body.js";
import type { Logger } from "./logger.js";

export interface HandlerContext {
  requestId: string;
  logger: Logger;
  /** Aborted when the client goes away or the server shuts down. */
  signal: AbortSignal;
}

export type RouteHandler<R extends RouteDefinition> = (
  input: RouteInput<R>,
  context: HandlerContext,
) => RouteOutput<R> | Promise<RouteOutput<R>>;

export type Handlers<C extends Contract> = { readonly [K in keyof C]: RouteHandler<C[K]> };

export interface BackendAppOptions<C extends Contract> {
  contract: C;
  handlers: Handlers<C>;
  logger?: Logger;
  /** Largest JSON body accepted; larger ones get 413. */
  bodyLimit?: string;
  /** Check each handler result against the route's response schema (a mismatch is a 500). */
  checkResponses?: boolean;
}

function issuesOf(error: z.ZodError, prefix: string): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

function sendError(res: Response, error: RouteError, requestId: string): void {
  const body: ErrorBody = { error: { code: error.code, message: error.message, requestId } };
  if (error.issues !== undefined && error.issues.length > 0) body.error.issues = [...error.issues];
  res.status(error.status).json(body);
}

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string): { data: unknown; issues: ErrorIssue[] } {
  if (schema === undefined) return { data: part === "body" ? undefined : {}, issues: [] };
  const result = schema.safeParse(value);
  return result.success ? { data: result.data, issues: [] } : { data: undefined, issues: issuesOf(result.error, part) };
}

/**
 * Builds the Express app for a contract: validated inputs, typed handlers, a health route, and one
 * JSON error shape for every failure (bad JSON, unknown route, oversized body, thrown errors).
 */
export function createBackendApp<C extends Contract>(options: BackendAppOptions<C>): express.Express {
  const logger = options.logger ?? silentLogger;
  const checkResponses = options.checkResponses ?? true;
  const startedAt = Date.now();
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);

  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming !== undefined && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("x-request-id", requestId);
    next();
  });
  app.use(express.json({ limit: options.bodyLimit ?? "1mb" }));

  app.get("/health", (_req, res) => {
    res.json({ status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });

  for (const [name, route] of Object.entries(options.contract)) {
    const handler = (options.handlers as Record<string, RouteHandler<RouteDefinition>>)[name];
    if (handler === undefined) throw new TypeError(`No handler for route "${name}"`);
    const method = route.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    app[method](route.path, async (req: Request, res: Response) => {
      const requestId = res.locals.requestId as string;
      const params = parsePart(route.params, req.params, "params");
      const query = parsePart(route.query, req.query, "query");
      const body = parsePart(route.body, req.body, "body");
      const issues = [...params.issues, ...query.issues, ...body.issues];
      if (issues.length > 0) {
        const fields = issues.map((issue) => issue.path).join(", ");
        throw new RouteError("invalid_input", `Invalid request: ${fields}`, { issues });
      }
      const controller = new AbortController();
      res.on("close", () => controller.abort());
      const input = { params: params.data, query: query.data, body: body.data } as RouteInput<RouteDefinition>;
      const output = await handler(input, { requestId, logger, signal: controller.signal });
      if (checkResponses) {
        const checked = route.response.safeParse(output);
        if (!checked.success) {
          throw new Error(`Handler "${name}" returned a response outside its contract: ${checked.error.message}`);
        }
      }
      if (output === undefined) res.status(204).end();
      else res.json(output);
    });
  }

  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(new RouteError("not_found", `No route for ${req.method} ${req.path}`));
  });

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const requestId = (res.locals.requestId as string | undefined) ?? randomUUID();
    if (res.headersSent) {
      next(error);
      return;
    }
    sendError(res, toRouteError(error, req, requestId, logger), requestId);
  });

  return app;
}

const codeByClientStatus: Readonly<Record<number, ErrorCode>> = {
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
};

/** Maps anything thrown to the error shape; internals of unexpected errors stay in the log. */
function toRouteError(error: unknown, req: Request, requestId: string, logger: Logger): RouteError {
  if (error instanceof RouteError) return error;
  const { type, status, expose, message } = (error ?? {}) as { type?: unknown; status?: unknown; expose?: unknown; message?: unknown };
  if (type === "entity.parse.failed") return new RouteError("invalid_input", "Request body is not valid JSON");
  if (type === "entity.too.large") return new RouteError("payload_too_large", "Request body is too large");
  if (type === "encoding.unsupported" || type === "charset.unsupported") {
    return new RouteError("unsupported_media_type", "Request body encoding is not supported");
  }
  // Express's router and body parser refuse other bad input (an undecodable path, a corrupt
  // gzip body) with an http-errors 4xx: that is the client's fault, not a server fault.
  if (typeof status === "number" && status >= 400 && status < 500) {
    const text = expose === true && typeof message === "string" ? message : "Request cannot be processed";
    return new RouteError(codeByClientStatus[status] ?? "invalid_input", text);
  }
  logger.error("request failed", { requestId, method: req.method, path: req.path, err: error });
  return new RouteError("internal", `Internal error (request ${requestId})`);
}
