import { parse as parseQuery } from "node:querystring";
import { safeParse } from "zod/v4/core";
import { RouteError } from "./errors.ts";
import { silentLogger } from "./logger.ts";
import { randomUuid } from "./random-uuid.ts";
import { defaultBodyTimeoutMs, parseByteLimit, readJsonBody, refuseDeclaredOversize } from "./read-json-body.ts";
import { RequestContext } from "./request-context.ts";
import { createRouter } from "./router.ts";
import { closeIfBodyPending } from "./unread-body.ts";
import { ensureZodMessages } from "./client/zod-messages.ts";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type * as z from "zod/v4/core";
import type { Contract, RouteDefinition, RouteInput, RouteOutput } from "./client/contract.ts";
import type { ErrorBody, ErrorIssue } from "./client/error-body.ts";
import type { Logger } from "./logger.ts";

export interface HandlerContext {
  readonly requestId: string;
  readonly logger: Logger;
  /** Aborted when the client goes away or the server shuts down. */
  readonly signal: AbortSignal;
}

export type RouteHandler<R extends RouteDefinition> = (
  input: RouteInput<R>,
  context: HandlerContext,
) => RouteOutput<R> | Promise<RouteOutput<R>>;

export type Handlers<C extends Contract> = { readonly [K in keyof C]: RouteHandler<C[K]> };

/** A backend as a plain `node:http` request listener: serve it with `serve`, or mount it anywhere. */
export type BackendApp = RequestListener;

export interface BackendAppOptions<C extends Contract> {
  contract: C;
  handlers: Handlers<C>;
  logger?: Logger;
  /** Largest JSON body accepted ("1mb", "64kb", or bytes); larger ones get 413, on any route. */
  bodyLimit?: string | number | undefined;
  /** How long a request body may take to arrive once its route reads it (default 10 s); then 408. */
  bodyTimeoutMs?: number | undefined;
  /** Check each handler result against the route's response schema (a mismatch is a 500). */
  checkResponses?: boolean;
}

function issuesOf(error: z.$ZodError, prefix: string): ErrorIssue[] {
  return error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].join("."), message: issue.message }));
}

function parsePart(schema: z.$ZodType | undefined, value: unknown, part: string, issues: ErrorIssue[]): unknown {
  if (schema === undefined) return part === "body" ? undefined : {};
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  issues.push(...issuesOf(result.error, part));
  return undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  closeIfBodyPending(res.req, res);
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** A well-formed id from the caller (Desktop, a proxy, a test) is kept, so logs line up across hops. */
function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUuid();
}

/**
 * Builds the request listener for a contract: exact routing, validated inputs, typed handlers, a
 * health route, and one JSON error shape for every failure (bad JSON, unknown route, wrong method,
 * oversized body, thrown errors). Built on `node:http` alone: nothing to load at start-up beyond
 * the contract, and little work per request beyond the handler's.
 */
export function createBackendApp<C extends Contract>(options: BackendAppOptions<C>): BackendApp {
  ensureZodMessages();
  const logger = options.logger ?? silentLogger;
  const checkResponses = options.checkResponses ?? true;
  const bodyRead = {
    limitBytes: parseByteLimit(options.bodyLimit ?? "1mb"),
    timeoutMs: options.bodyTimeoutMs ?? defaultBodyTimeoutMs,
  };
  const startedAt = Date.now();
  const entries = Object.entries(options.contract).map(([name, route]) => {
    const handler = (options.handlers as Record<string, RouteHandler<RouteDefinition> | undefined>)[name];
    if (handler === undefined) throw new TypeError(`No handler for route "${name}"`);
    return { name, route, handler };
  });
  const match = createRouter(entries);

  const handle = async (req: IncomingMessage, res: ServerResponse, requestId: string, path: string, search: string) => {
    refuseDeclaredOversize(req, bodyRead.limitBytes);
    if (path === "/health" && (req.method === "GET" || req.method === "HEAD")) {
      sendJson(res, 200, { status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      return;
    }
    const found = match(req.method ?? "GET", path);
    if (found.kind === "none") throw new RouteError("not_found", `No route for ${req.method ?? "GET"} ${path}`);
    if (found.kind === "method_not_allowed") {
      res.setHeader("allow", found.allowed.join(", "));
      throw new RouteError(
        "method_not_allowed",
        `${req.method ?? "GET"} is not allowed on ${path}; use ${found.allowed.join(" or ")}`,
      );
    }
    const { route, name, handler } = found.entry;
    const issues: ErrorIssue[] = [];
    const params = parsePart(route.params, found.params, "params", issues);
    const query = route.query === undefined ? {} : parsePart(route.query, parseQuery(search), "query", issues);
    const body =
      route.body === undefined ? undefined : parsePart(route.body, await readJsonBody(req, bodyRead), "body", issues);
    if (issues.length > 0) {
      throw new RouteError("invalid_input", `Invalid request: ${issues.map((issue) => issue.path).join(", ")}`, {
        issues,
      });
    }
    const context = new RequestContext(requestId, logger, res);
    const output = await handler({ params, query, body }, context);
    if (checkResponses) {
      const checked = safeParse(route.response, output);
      if (!checked.success)
        throw new Error(`Handler "${name}" returned a response outside its contract: ${checked.error.message}`);
    }
    if (output === undefined) {
      closeIfBodyPending(req, res);
      res.writeHead(204).end();
    } else sendJson(res, 200, output);
  };

  return (req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? "" : url.slice(queryAt + 1);
    handle(req, res, requestId, path, search).catch((error: unknown) => {
      const routeError = toRouteError(error, req.method ?? "GET", path, requestId, logger);
      if (res.headersSent) {
        // Half an answer cannot be turned into an error: cut it, so the client sees a failure.
        res.destroy();
        return;
      }
      const body: ErrorBody = { error: { code: routeError.code, message: routeError.message, requestId } };
      if (routeError.issues !== undefined && routeError.issues.length > 0) body.error.issues = [...routeError.issues];
      sendJson(res, routeError.status, body);
    });
  };
}

/** Maps anything thrown to the error shape; internals of unexpected errors stay in the log. */
function toRouteError(error: unknown, method: string, path: string, requestId: string, logger: Logger): RouteError {
  if (error instanceof RouteError) return error;
  logger.error("request failed", { requestId, method, path, err: error });
  return new RouteError("internal", `Internal error (request ${requestId})`);
}
