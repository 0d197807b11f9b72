import { createServer } from "node:http";
import { RouteError, sendRouteError } from "@dext/backend";
import { dashboardHtml } from "./dashboard-html.ts";
import { ImagePathError } from "./contained-path.ts";
import { createDashboardApi } from "./dashboard-api.ts";
import { refuseForeign } from "./request-guard.ts";
import type { BackendApp, Logger } from "@dext/backend";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { DashboardApiOptions } from "./dashboard-api.ts";
import type { CallerPolicy } from "./request-guard.ts";

/** A request as the API sees it once mounted, with the path it arrived with. */
export type RequestWithOriginalUrl = IncomingMessage & { originalUrl?: string };

type Route = (request: IncomingMessage, response: ServerResponse, pathname: string) => Promise<void>;

/** What a failure outside the API contracts (a page, a file) answers, in the same error shape. */
function routeErrorFor(error: unknown): RouteError {
  if (error instanceof RouteError) return error;
  if (error instanceof ImagePathError) return new RouteError("not_found", error.message);
  // The host runs on the caller's own machine: its reason helps more than it reveals.
  return new RouteError("internal", error instanceof Error ? error.message : String(error));
}

/**
 * A server of the host's, on loopback: every request must name this server in `Host` and, when it
 * sends an `Origin`, come from this server's own; the route decides what else a call needs.
 */
export function createGuardedServer(policy: () => CallerPolicy, logger: Logger, route: Route): Server {
  return createServer((request, response) => {
    const refused = refuseForeign(request, policy());
    if (refused !== undefined) {
      const requestId = sendRouteError(response, new RouteError("forbidden", refused.message));
      logger.warn("refused", {
        method: request.method ?? "?",
        url: request.url ?? "",
        requestId,
        reason: refused.message,
      });
      request.resume();
      return;
    }
    const pathname = new URL(request.url ?? "/", "http://host").pathname;
    route(request, response, pathname).catch((error: unknown) => {
      const routeError = routeErrorFor(error);
      const requestId = sendRouteError(response, routeError);
      // Refusals are logged with their request id, wherever they are decided.
      if (routeError.status === 403)
        logger.warn("refused", {
          method: request.method ?? "?",
          url: request.url ?? "",
          requestId,
          reason: routeError.message,
        });
    });
  });
}

/** Serves one of the host's API contracts under `prefix`: the contract's paths are what follows it. */
export function serveApiAt(api: BackendApp, prefix: string, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://host");
  // Kept as Express keeps it, for the log lines of refusals.
  (request as RequestWithOriginalUrl).originalUrl = request.url ?? "/";
  request.url = `${url.pathname.slice(prefix.length)}${url.search}`;
  api(request, response);
}

export interface DashboardOptions extends DashboardApiOptions {
  dashboardScript: () => Promise<string>;
}

/** The dashboard's routes: its page and script, and its API, which only that page may call (with the dashboard's secret). */
export function dashboardRoute(options: DashboardOptions, policy: () => CallerPolicy, logger: Logger): Route {
  const api = createDashboardApi(options, policy, logger);
  return async (request, response, pathname) => {
    const method = request.method ?? "GET";
    if (method === "GET" && pathname === "/") {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-security-policy": "frame-ancestors 'none'",
        "referrer-policy": "no-referrer",
      });
      response.end(dashboardHtml({ token: policy().token }));
      return;
    }
    if (method === "GET" && pathname === "/__dext/dashboard.js") {
      response.writeHead(200, {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
      });
      response.end(await options.dashboardScript());
      return;
    }
    if (pathname.startsWith("/__dext/")) return serveApiAt(api, "/__dext", request, response);
    throw new RouteError("not_found", `No route for ${method} ${pathname}`);
  };
}
