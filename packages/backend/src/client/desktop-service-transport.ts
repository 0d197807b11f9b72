import { BackendClientError, kindForStatus } from "./backend-client-error.js";
import { parseErrorBody } from "./transport.js";
import type { Transport } from "./transport.js";

/**
 * The part of `ddClient.extension.vm.service` this transport needs. Structural, so this
 * browser-safe module does not depend on Docker's client packages.
 */
export interface DesktopHttpService {
  request(config: {
    url: string;
    method: string;
    headers: Record<string, string>;
    data: unknown;
  }): Promise<unknown>;
}

function readField(value: unknown, field: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[field] : undefined;
}

/**
 * Desktop rejects a failed `vm.service` call with `{name, message, statusCode}`; the body may sit
 * in `message` (as JSON text) or `data`. When the backend is down it has been seen with no
 * status at all and messages like "socket hang up" or "connect ECONNREFUSED": those mean
 * unavailable, not a server fault.
 */
export function errorFromDesktopRejection(reason: unknown): BackendClientError {
  if (reason instanceof BackendClientError) return reason;
  const rawStatus = readField(reason, "statusCode") ?? readField(reason, "status");
  const status = typeof rawStatus === "number" && rawStatus > 0 ? rawStatus : undefined;
  const message = readField(reason, "message");
  const body = parseErrorBody(readField(reason, "data")) ?? parseErrorBody(message);
  const text = typeof message === "string" && message !== "" ? message : String(reason);
  return new BackendClientError({
    kind: kindForStatus(status),
    status,
    body,
    message: body?.error.message ?? (status === undefined ? `Backend unavailable: ${text}` : text),
    cause: reason,
  });
}

/** A transport over Docker Desktop's proxy to the extension's socket (`ddClient.extension.vm.service`). */
export function createDesktopServiceTransport(service: DesktopHttpService): Transport {
  return async (request) => {
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
