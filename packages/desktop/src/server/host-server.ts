import { createServer } from "node:http";
import { dashboardHtml } from "./dashboard-html.ts";
import { listFolder } from "./folder-listing.ts";
import { DesktopHostError } from "./errors.ts";
import { ImagePathError } from "./contained-path.ts";
import { sendError, sendJson } from "./http-helpers.ts";
import { refuseForeign, refuseUnauthorized } from "./request-guard.ts";
import type { Logger } from "@dext/backend";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { ExtensionSummary } from "../protocol/index.ts";
import type { CallerPolicy } from "./request-guard.ts";

export interface HostEvent {
  type: "reload";
  extensionId: string;
}

type Route = (request: IncomingMessage, response: ServerResponse, pathname: string) => Promise<void>;

function statusFor(error: unknown): { status: number; code: string } {
  if (error instanceof ImagePathError) return { status: 404, code: "not_found" };
  if (error instanceof DesktopHostError)
    return { status: error.code === "bad_request" ? 400 : error.code === "forbidden" ? 403 : 500, code: error.code };
  return { status: 500, code: "internal" };
}

/**
 * A server of the host's, on loopback: every request must name this server in `Host` and, when it
 * sends an `Origin`, come from this server's own; the route decides what else a call needs.
 */
export function createGuardedServer(policy: () => CallerPolicy, logger: Logger, route: Route): Server {
  return createServer((request, response) => {
    const refused = refuseForeign(request, policy());
    if (refused !== undefined) {
      const requestId = sendError(response, 403, "forbidden", refused.message);
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
      const { status, code } = statusFor(error);
      const message = error instanceof Error ? error.message : String(error);
      const requestId = sendError(response, status, code, message);
      // Refusals are logged with their request id, wherever they are decided.
      if (status === 403)
        logger.warn("refused", { method: request.method ?? "?", url: request.url ?? "", requestId, reason: message });
    });
  });
}

export interface DashboardOptions {
  extensions: () => readonly ExtensionSummary[];
  /** Subscribes a dashboard to host events (tab reloads); returns the unsubscribe function. */
  subscribe: (send: (event: HostEvent) => void) => () => void;
  dashboardScript: () => Promise<string>;
}

/** The dashboard's routes: its page and script, and the calls only that page may make (with the dashboard's secret). */
export function dashboardRoute(options: DashboardOptions, policy: () => CallerPolicy, logger: Logger): Route {
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
    if (!pathname.startsWith("/__dext/"))
      return void sendError(response, 404, "not_found", `No route for ${method} ${pathname}`);
    const refused = refuseUnauthorized(request, policy(), { body: false });
    if (refused !== undefined) {
      const requestId = sendError(response, 403, "forbidden", refused.message);
      logger.warn("refused", { method, url: pathname, requestId, reason: refused.message });
      return;
    }
    if (method === "GET" && pathname === "/__dext/extensions") return sendJson(response, 200, options.extensions());
    if (method === "GET" && pathname === "/__dext/health") return sendJson(response, 200, { status: "ok" });
    if (method === "GET" && pathname === "/__dext/folder") {
      return sendJson(
        response,
        200,
        await listFolder(new URL(request.url ?? "/", "http://host").searchParams.get("path") ?? undefined),
      );
    }
    if (method === "GET" && pathname === "/__dext/events") {
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      response.write(": connected\n\n");
      const unsubscribe = options.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
      request.on("close", unsubscribe);
      return;
    }
    sendError(response, 404, "not_found", `No route for ${method} ${pathname}`);
  };
}
