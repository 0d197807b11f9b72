import { BackendClientError } from "./client/backend-client-error.ts";
import { ndjsonValues } from "./client/ndjson.ts";
import { answerBody } from "./client/transport.ts";
import { SocketRequestError } from "./errors.ts";
import { requestOverSocket } from "./request-over-socket.ts";
import type { Transport } from "./client/transport.ts";
import type { SocketResponse } from "./request-over-socket.ts";

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
  return async (request) => {
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    let response: SocketResponse;
    try {
      response = await requestOverSocket({
        socketPath,
        method: request.method,
        path: request.url,
        headers:
          payload === undefined ? { ...options.headers } : { ...options.headers, "content-type": "application/json" },
        body: payload,
        timeoutMs: options.timeoutMs ?? 30_000,
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal?.aborted === true) throw error;
      throw clientErrorFor(error, socketPath);
    }
    const text = response.body.toString("utf8");
    // requestOverSocket reads an answer whole: a streamed route's values all arrive once it ends.
    if (request.stream === "ndjson" && response.status >= 200 && response.status < 300) return ndjsonValues([text]);
    return answerBody(response.status, text, response.statusMessage);
  };
}

/** Not listening, or the connection broke: `unavailable`, which the client retries for GETs. A silent or oversized answer is the backend's fault. */
function clientErrorFor(error: unknown, socketPath: string): BackendClientError {
  if (!(error instanceof SocketRequestError)) {
    return new BackendClientError({
      kind: "server_fault",
      message: `Backend request failed on ${socketPath}`,
      cause: error,
    });
  }
  const unavailable = error.code === "socket_unreachable" || error.code === "socket_connection_lost";
  // The system error is the cause, as a caller checking `cause.code === "ECONNREFUSED"` expects.
  const cause = error.cause ?? error;
  return new BackendClientError({
    kind: unavailable ? "unavailable" : "server_fault",
    message: `Backend unavailable on ${socketPath}: ${error.message}`,
    cause,
  });
}
