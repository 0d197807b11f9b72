import { request as httpRequest } from "node:http";
import { BackendClientError } from "./client/backend-client-error.ts";
import { errorFromResponse } from "./client/transport.ts";
import type { Transport } from "./client/transport.ts";

const unavailableCodes = new Set(["ECONNREFUSED", "ENOENT", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

/**
 * A transport over HTTP on a Unix socket, as Desktop's own proxy does. Node only: for tests, the
 * local Desktop host, and scripts that talk to a backend directly.
 */
export function createSocketTransport(
  socketPath: string,
  options: {
    timeoutMs?: number;
    /** Sent with every request (an auth header the backend's middleware reads, say). */
    headers?: Readonly<Record<string, string>>;
  } = {},
): Transport {
  return (request) =>
    new Promise((resolve, reject) => {
      const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
      const req = httpRequest(
        {
          socketPath,
          path: request.url,
          method: request.method,
          headers:
            payload === undefined
              ? { ...options.headers }
              : {
                  ...options.headers,
                  "content-type": "application/json",
                  "content-length": Buffer.byteLength(payload),
                },
          timeout: options.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", (cause) =>
            reject(new BackendClientError({ kind: "unavailable", message: "Backend connection broke", cause })),
          );
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              reject(errorFromResponse(status, text, res.statusMessage ?? "Request failed"));
              return;
            }
            if (text === "") {
              resolve(undefined);
              return;
            }
            try {
              resolve(JSON.parse(text) as unknown);
            } catch (cause) {
              reject(
                new BackendClientError({
                  kind: "invalid_response",
                  status,
                  message: "Backend answered non-JSON",
                  cause,
                }),
              );
            }
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("timed out")));
      req.on("error", (cause: NodeJS.ErrnoException) => {
        const kind = cause.code !== undefined && unavailableCodes.has(cause.code) ? "unavailable" : "server_fault";
        reject(
          new BackendClientError({ kind, message: `Backend unavailable on ${socketPath}: ${cause.message}`, cause }),
        );
      });
      req.end(payload);
    });
}
