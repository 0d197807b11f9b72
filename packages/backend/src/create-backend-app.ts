import { contractListener } from "./contract-listener.ts";
import { RequestContext } from "./request-context.ts";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Contract, RouteDefinition, RouteInput, RouteOutput } from "./client/contract.ts";
import type { Logger } from "./logger.ts";

export interface HandlerContext {
  readonly requestId: string;
  readonly logger: Logger;
  /** Aborted when the client goes away or the server shuts down. */
  readonly signal: AbortSignal;
}

/** A handler's context with what the app's `createContext` built for the request. */
export interface ContextWith<Ctx> extends HandlerContext {
  readonly ctx: Ctx;
}

export type RouteHandler<R extends RouteDefinition, Ctx = undefined> = (
  input: RouteInput<R>,
  context: [Ctx] extends [undefined] ? HandlerContext : ContextWith<Ctx>,
) => RouteOutput<R> | Promise<RouteOutput<R>>;

export type Handlers<C extends Contract, Ctx = undefined> = { readonly [K in keyof C]: RouteHandler<C[K], Ctx> };

/** A backend as a plain `node:http` request listener: serve it with `serve`, or mount it anywhere. */
export type BackendApp = RequestListener;

export interface BackendAppOptions<C extends Contract, Ctx = undefined> {
  contract: C;
  handlers: Handlers<C, Ctx>;
  /**
   * Builds each request's `ctx` once its route is found, before its input is read or checked: a
   * RouteError thrown here (`unauthorized`, `forbidden`) refuses the request ahead of any handler.
   */
  createContext?: ((req: IncomingMessage, res: ServerResponse, requestId: string) => Ctx | Promise<Ctx>) | undefined;
  logger?: Logger;
  /** Largest JSON body accepted ("1mb", "64kb", or bytes); larger ones get 413, on any route. */
  bodyLimit?: string | number | undefined;
  /** How long a request body may take to arrive once its route reads it (default 10 s); then 408. */
  bodyTimeoutMs?: number | undefined;
  /** Check each handler result against the route's response schema (a mismatch is a 500). */
  checkResponses?: boolean;
}

/**
 * Builds the request listener for a contract: exact routing, validated inputs, typed handlers, a
 * health route, and one JSON error shape for every failure (bad JSON, unknown route, wrong method,
 * oversized body, thrown errors). Built on `node:http` alone: nothing to load at start-up beyond
 * the contract, and little work per request beyond the handler's. Inside Express, use
 * `@dext/backend/express` instead: its handlers see what middleware added.
 */
export function createBackendApp<C extends Contract, Ctx = undefined>(options: BackendAppOptions<C, Ctx>): BackendApp {
  const { createContext } = options;
  const listen = contractListener({
    ...options,
    context: async (req, res, requestId, logger) =>
      new RequestContext(
        requestId,
        logger,
        res,
        createContext === undefined ? (undefined as Ctx) : await createContext(req, res, requestId),
      ),
  });
  return (req, res) => listen(req, res);
}
