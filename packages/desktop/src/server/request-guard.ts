import { timingSafeEqual } from "node:crypto";
import { RouteError } from "@dext/backend";
import { tokenHeader } from "../protocol/index.ts";
import type { Logger } from "@dext/backend";
import type { IncomingMessage } from "node:http";
import type { RequestWithOriginalUrl } from "./host-server.ts";

/** Who may call one of the host's servers: its own host names and origin, and, for its API, one secret. */
export interface CallerPolicy {
  /** `Host` values this server answers to (`127.0.0.1:<port>`, `localhost:<port>`): anything else is DNS rebinding. */
  hosts: ReadonlySet<string>;
  /** Origins allowed to send a request (the server's own, reached by each of its host names). */
  origins: ReadonlySet<string>;
  /** The secret every API call must carry. */
  token: string;
}

export interface Refusal {
  message: string;
}

/** The host names a server on `port` answers to; `listen` is the address it listens on, when not loopback. */
export function hostNamesFor(port: number, listen: string): string[] {
  const names = ["127.0.0.1", "localhost", "[::1]"];
  const extra = listen.includes(":") && !listen.startsWith("[") ? `[${listen}]` : listen;
  if (!names.includes(extra) && extra !== "0.0.0.0" && extra !== "[::]") names.push(extra);
  return names.map((name) => `${name}:${port}`);
}

export function policyFor(port: number, listen: string, token: string): CallerPolicy {
  const hosts = hostNamesFor(port, listen);
  return { hosts: new Set(hosts), origins: new Set(hosts.map((host) => `http://${host}`)), token };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks what every request must satisfy: a `Host` of this server's, and an `Origin`, when sent, of its own. */
export function refuseForeign(request: IncomingMessage, policy: CallerPolicy): Refusal | undefined {
  const host = request.headers.host?.toLowerCase();
  if (host === undefined || !policy.hosts.has(host))
    return {
      message: `Host ${JSON.stringify(request.headers.host ?? "")} is not this host's (DNS rebinding is refused)`,
    };
  const origin = request.headers.origin;
  // `Origin: null` (sandboxed frames, file: pages, some redirects) is as foreign as any other.
  if (origin !== undefined && !policy.origins.has(origin.toLowerCase()))
    return { message: `Origin ${origin} may not call this host` };
  return undefined;
}

/**
 * The `createContext` of the host's API contracts: before a route's input is read or checked, the
 * call must carry this server's secret and, when it has a body, a JSON one, which no page of
 * another origin can send without a preflight, which the host never grants. A refusal is a 403 in
 * the one error shape, logged with its request id.
 */
export function callerGuard(
  policy: () => CallerPolicy,
  logger: Logger,
  options: { body: boolean },
): (request: IncomingMessage, _response: unknown, requestId: string) => void {
  return (request, _response, requestId) => {
    const given = request.headers[tokenHeader];
    let reason: string | undefined;
    if (typeof given !== "string" || !sameSecret(given, policy().token))
      reason = `Missing or wrong ${tokenHeader}: only a page the host served may call it`;
    else if (options.body) {
      const type = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
      if (type !== "application/json")
        reason = `Content-Type must be application/json, got ${request.headers["content-type"] ?? "none"}`;
    }
    if (reason === undefined) return;
    const url = (request as RequestWithOriginalUrl).originalUrl ?? request.url ?? "";
    logger.warn("refused", { method: request.method ?? "?", url, requestId, reason });
    throw new RouteError("forbidden", reason);
  };
}
