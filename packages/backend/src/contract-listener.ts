import { parse as parseQuery } from "node:querystring";
import { safeParse } from "zod/v4/core";
import { RouteError } from "./errors.ts";
import { silentLogger } from "./logger.ts";
import { defaultBodyTimeoutMs, parseByteLimit, readJsonBody, refuseDeclaredOversize } from "./read-json-body.ts";
import { createRouter } from "./router.ts";
import { closeIfBodyPending } from "./unread-body.ts";
import { requestIdOf, sendJson, sendRouteError, toRouteError } from "./error-response.ts";
import { ensureZodMessages } from "./client/zod-messages.ts";
import type { BodyReadOptions } from "./read-json-body.ts";
import type { IncomingMessage, ServerResponse } from "node:http";
import type * as z from "zod/v4/core";
import type { Contract } from "./client/contract.ts";
import type { ErrorIssue } from "./client/error-body.ts";
import type { HandlerContext } from "./create-backend-app.ts";
import type { Logger } from "./logger.ts";

type ContractHandler<X> = (input: { params: unknown; query: unknown; body: unknown }, context: X) => unknown;

/** What every way of serving a contract shares; the rest is how the server around it works. */
export interface ContractListenerOptions<C extends Contract, X extends HandlerContext> {
  contract: C;
  handlers: { readonly [K in keyof C]: unknown };
  logger?: Logger | undefined;
  bodyLimit?: string | number | undefined;
  bodyTimeoutMs?: number | undefined;
  checkResponses?: boolean | undefined;
  /** The second argument every handler gets. */
  context: (req: IncomingMessage, res: ServerResponse, requestId: string, logger: Logger) => X | Promise<X>;
  /** Errors go to `next` (Express's error middleware) instead of being answered. */
  passErrors?: boolean | undefined;
}

/** A request listener; with `next` (inside Express), a path outside the contract goes on to it. */
export type ContractListener = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * The JSON body: what a body parser in front already parsed (express.json() marks the request, and
 * has read its stream, so waiting for it would only time out), or else read here.
 */
function requestBody(req: IncomingMessage, options: BodyReadOptions): Promise<unknown> {
  return parsedInFront(req) ? Promise.resolve(req.body) : readJsonBody(req, options);
}

function parsedInFront(req: IncomingMessage): req is IncomingMessage & { body?: unknown } {
  const parsed = req as IncomingMessage & { _body?: boolean; body?: unknown };
  return parsed._body === true || (req.readableEnded && "body" in parsed);
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

/**
 * Builds the request listener for a contract: exact routing, validated inputs, typed handlers, a
 * health route, and one JSON error shape for every failure (bad JSON, unknown route, wrong method,
 * oversized body, thrown errors). Built on `node:http` alone: nothing to load at start-up beyond
 * the contract, and little work per request beyond the handler's.
 */
export function contractListener<C extends Contract, X extends HandlerContext>(
  options: ContractListenerOptions<C, X>,
): ContractListener {
  ensureZodMessages();
  const logger = options.logger ?? silentLogger;
  const checkResponses = options.checkResponses ?? true;
  const bodyRead = {
    limitBytes: parseByteLimit(options.bodyLimit ?? "1mb"),
    timeoutMs: options.bodyTimeoutMs ?? defaultBodyTimeoutMs,
  };
  const startedAt = Date.now();
  const entries = Object.entries(options.contract).map(([name, route]) => {
    const handler = (options.handlers as Record<string, ContractHandler<X> | undefined>)[name];
    if (handler === undefined) throw new TypeError(`No handler for route "${name}"`);
    return { name, route, handler };
  });
  const match = createRouter(entries);

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    path: string,
    search: string,
    next: ((error?: unknown) => void) | undefined,
  ): Promise<void> => {
    // A parser in front applied its own limit (a larger one for an import route, say).
    if (!parsedInFront(req)) refuseDeclaredOversize(req, bodyRead.limitBytes);
    if (path === "/health" && (req.method === "GET" || req.method === "HEAD")) {
      sendJson(res, 200, { status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      return;
    }
    const found = match(req.method ?? "GET", path);
    if (found.kind === "none") {
      if (next !== undefined) return next();
      throw new RouteError("not_found", `No route for ${req.method ?? "GET"} ${path}`);
    }
    if (found.kind === "method_not_allowed") {
      res.setHeader("allow", found.allowed.join(", "));
      throw new RouteError(
        "method_not_allowed",
        `${req.method ?? "GET"} is not allowed on ${path}; use ${found.allowed.join(" or ")}`,
      );
    }
    const { route, name, handler } = found.entry;
    // Before the input is checked: a refusal there (no user) comes first, as middleware's would.
    const context = await options.context(req, res, requestId, logger);
    const issues: ErrorIssue[] = [];
    const params = parsePart(route.params, found.params, "params", issues);
    const query = route.query === undefined ? {} : parsePart(route.query, parseQuery(search), "query", issues);
    const body =
      route.body === undefined ? undefined : parsePart(route.body, await requestBody(req, bodyRead), "body", issues);
    if (issues.length > 0) {
      throw new RouteError("invalid_input", `Invalid request: ${issues.map((issue) => issue.path).join(", ")}`, {
        issues,
      });
    }
    const output = await handler({ params, query, body }, context);
    if (route.stream === "ndjson") {
      await streamValues(req, res, output as AsyncIterable<unknown>, (value) => {
        if (!checkResponses) return;
        const checked = safeParse(route.response, value);
        if (!checked.success)
          throw new Error(`Handler "${name}" streamed a value outside its contract: ${checked.error.message}`);
      });
      return;
    }
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

  return (req, res, next) => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? "" : url.slice(queryAt + 1);
    handle(req, res, requestId, path, search, next).catch((error: unknown) => {
      if (options.passErrors === true && next !== undefined && !res.headersSent) {
        // The author's error middleware decides the answer; validation failures arrive as RouteError.
        next(error);
        return;
      }
      sendRouteError(res, toRouteError(error, req.method ?? "GET", path, requestId, logger), requestId);
    });
  };
}

/**
 * A streamed route's answer: each value the handler yields as one JSON line, sent as it comes.
 * When the client goes away the handler's iterable is ended (`return()`), and its context's
 * signal aborts, so the work behind it can stop.
 */
async function streamValues(
  req: IncomingMessage,
  res: ServerResponse,
  values: AsyncIterable<unknown>,
  check: (value: unknown) => void,
): Promise<void> {
  closeIfBodyPending(req, res);
  res.writeHead(200, {
    "content-type": "application/x-ndjson; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  // The client learns the stream started before its first value, which may be long in coming.
  res.flushHeaders();
  const iterator = values[Symbol.asyncIterator]();
  const stop = () => void iterator.return?.();
  res.once("close", stop);
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true || res.destroyed) break;
      check(next.value);
      res.write(`${JSON.stringify(next.value)}\n`);
    }
  } finally {
    res.off("close", stop);
  }
  res.end();
}
