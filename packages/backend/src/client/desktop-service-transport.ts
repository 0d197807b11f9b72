import { BackendClientError, kindForStatus } from "./backend-client-error.ts";
import { parseErrorBody } from "./transport.ts";
import type { Transport } from "./transport.ts";

/**
 * The part of `ddClient.extension.vm.service` this transport needs. Structural, so this
 * browser-safe module does not depend on Docker's client packages.
 */
export interface DesktopHttpService {
  request(config: { url: string; method: string; headers: Record<string, string>; data: unknown }): Promise<unknown>;
}

function readField(value: unknown, field: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[field] : undefined;
}

// Messages of a proxy that could not reach the socket, as opposed to answers from the backend.
const connectionFailure = /ECONNREFUSED|ENOENT|ECONNRESET|EPIPE|ETIMEDOUT|socket hang up|connect\b.*\bfailed/i;

function describe(reason: unknown): string {
  if (typeof reason === "string" && reason !== "") return reason;
  if (reason === undefined || reason === null) return "no details";
  try {
    return JSON.stringify(reason);
  } catch {
    return "unreadable rejection";
  }
}

function statusOf(reason: unknown): number | undefined {
  const raw = readField(reason, "statusCode") ?? readField(reason, "status");
  const status = typeof raw === "string" && /^\d{3}$/.test(raw) ? Number(raw) : raw;
  return typeof status === "number" && status > 0 ? status : undefined;
}

/**
 * Desktop rejects a failed `vm.service` call with `{name, message, statusCode}`; the body may sit
 * in `message` (as JSON text) or `data`. When the backend is down it has been seen with no
 * status at all ("socket hang up"), as a plain Error ("connect ECONNREFUSED 127.0.0.1:80" after
 * `docker extension update`), or with a 5xx whose message is the proxy's connection error. A dext
 * backend always answers in its error shape, so a connection error without that shape means
 * unavailable, whatever the status.
 */
export function errorFromDesktopRejection(reason: unknown): BackendClientError {
  if (reason instanceof BackendClientError) return reason;
  const status = statusOf(reason);
  const message = readField(reason, "message");
  const body = parseErrorBody(readField(reason, "data")) ?? parseErrorBody(message);
  const text = typeof message === "string" && message !== "" ? message : describe(reason);
  const unreachable = body === undefined && (status === undefined || (status >= 500 && connectionFailure.test(text)));
  return new BackendClientError({
    kind: unreachable ? "unavailable" : kindForStatus(status),
    status,
    body,
    message: body?.error.message ?? (unreachable ? `Backend unavailable: ${text}` : text),
    cause: reason,
  });
}

/** A transport over Docker Desktop's proxy to the extension's socket (`ddClient.extension.vm.service`). */
export function createDesktopServiceTransport(service: DesktopHttpService): Transport {
  return async (request) => {
    if (request.stream !== undefined)
      throw new TypeError(`vm.service cannot stream: ${request.method} ${request.url} needs a job (defineJob) instead`);
    try {
      return await service.request({
        url: request.url,
        method: request.method,
        headers: request.body === undefined ? {} : { "content-type": "application/json" },
        data: request.body,
      });
    } catch (reason) {
      throw errorFromDesktopRejection(reason);
    }
  };
}
