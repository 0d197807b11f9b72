import { contractListener } from "./contract-listener.ts";
import { RequestContext } from "./request-context.ts";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Contract, RouteDefinition, RouteInput, RouteOutput } from "./client/contract.ts";
import type { ContextWith } from "./create-backend-app.ts";
import type { Logger } from "./logger.ts";

export { dextErrorHandler } from "./express-error-handler.ts";
export type { DextErrorHandlerOptions } from "./express-error-handler.ts";

/** What an Express handler gets besides its input: the usual context and the author's own `ctx` (a user a middleware put on `req`, say). */
export type ExpressHandlerContext<Ctx> = ContextWith<Ctx>;

export type ExpressRouteHandler<R extends RouteDefinition, Ctx> = (
  input: RouteInput<R>,
  context: ExpressHandlerContext<Ctx>,
) => RouteOutput<R> | Promise<RouteOutput<R>>;

export type ExpressHandlers<C extends Contract, Ctx> = { readonly [K in keyof C]: ExpressRouteHandler<C[K], Ctx> };

export interface ExpressRouterOptions<C extends Contract, Ctx> {
  contract: C;
  handlers: ExpressHandlers<C, Ctx>;
  /**
   * Builds each request's `ctx` from what middleware put on `req` and `res.locals`. It may throw a
   * RouteError (`unauthorized`, say) to refuse the request in dext's error shape.
   */
  createContext: (req: Request, res: Response) => Ctx | Promise<Ctx>;
  logger?: Logger;
  /** Largest JSON body read here ("1mb" by default); a body parser in front applies its own. */
  bodyLimit?: string | number;
  bodyTimeoutMs?: number;
  checkResponses?: boolean;
  /**
   * "respond" (default): every failure is answered in dext's JSON error shape, with its request id.
   * "next": failures go to Express's error middleware instead (`next(error)`): a refused input as a
   * RouteError with its `code`, `status` and `issues`, anything a handler threw as it was thrown.
   */
  errors?: "respond" | "next";
}

/**
 * A contract served as Express middleware (`app.use("/api", createExpressRouter({...}))`), the
 * author's middleware in front: handlers get a typed `ctx` from `createContext`, a body that
 * `express.json()` already parsed is used as it is, and a path outside the contract goes on to
 * the next Express route. Routing, validation and the error shape are the same as
 * `createBackendApp`'s, which stays the faster way when no middleware is needed.
 */
export function createExpressRouter<C extends Contract, Ctx>(options: ExpressRouterOptions<C, Ctx>): RequestHandler {
  const listen = contractListener({
    contract: options.contract,
    handlers: options.handlers,
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    bodyTimeoutMs: options.bodyTimeoutMs,
    checkResponses: options.checkResponses,
    passErrors: options.errors === "next",
    context: async (req, res, requestId, logger) => {
      const ctx = await options.createContext(req as Request, res as Response);
      return new RequestContext(requestId, logger, res, ctx);
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    listen(req, res, next);
  };
}
