import { request as httpRequest } from "node:http";
import { SocketRequestError } from "./errors.ts";
import type { Agent, IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

export interface SocketRequest {
  socketPath: string;
  /** Default `GET`. */
  method?: string;
  /** Path and query string, e.g. `/v1.41/volumes?filters=...`. */
  path: string;
  headers?: OutgoingHttpHeaders;
  /** Sent as given, with its `content-length`; the caller names its `content-type`. */
  body?: string | Uint8Array;
  /** How long the connection may stay silent (connecting, sending, waiting, receiving). Default 30 s. */
  timeoutMs?: number;
  /** Aborting rejects with the signal's reason when it is an Error, and stops a connect wait. */
  signal?: AbortSignal;
  /** An answer whose body grows past this is refused and its connection closed. Default 64 MiB. */
  maxResponseBytes?: number;
  /**
   * How long to keep trying while the socket does not exist or nobody listens on it (a service
   * still starting). No byte of the request was sent, so this is safe for any method. Default 0.
   */
  connectWaitMs?: number;
  /** Node's connection pooling; `false` for one connection per request. Default: Node's global agent. */
  agent?: Agent | false;
}

export interface SocketResponse {
  status: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Errors that only a connect gives: the request was never sent. */
const unreachableCodes = new Set(["ENOENT", "ECONNREFUSED", "EACCES", "EPERM", "ENOTSOCK", "ETIMEDOUT"]);
/** The part of those that mean "not there yet" rather than "never will be". */
const notYetListeningCodes = new Set(["ENOENT", "ECONNREFUSED"]);

const defaultMaxResponseBytes = 64 * 1024 * 1024;

/**
 * One HTTP request over a Unix socket, its answer read whole. Every status is an answer; it
 * rejects with a {@link SocketRequestError} only when no complete answer arrived. Written on
 * node:http because fetch cannot dial a Unix socket without undici's own Agent, a dependency
 * for what is a few lines here.
 */
export async function requestOverSocket(request: SocketRequest): Promise<SocketResponse> {
  const deadline = Date.now() + (request.connectWaitMs ?? 0);
  for (let delayMs = 50; ; delayMs = Math.min(delayMs * 2, 500)) {
    try {
      return await attempt(request);
    } catch (error) {
      const waitable =
        error instanceof SocketRequestError &&
        notYetListeningCodes.has(error.systemCode ?? "") &&
        Date.now() + delayMs < deadline;
      if (!waitable || request.signal?.aborted === true) throw error;
      await pause(delayMs, request.signal);
    }
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

function attempt(request: SocketRequest): Promise<SocketResponse> {
  const { socketPath, body } = request;
  const maxResponseBytes = request.maxResponseBytes ?? defaultMaxResponseBytes;
  const timeoutMs = request.timeoutMs ?? 30_000;
  const headers: OutgoingHttpHeaders = { ...request.headers };
  if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
  const what = `${request.method ?? "GET"} ${request.path} on ${socketPath}`;

  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        socketPath,
        method: request.method ?? "GET",
        path: request.path,
        headers,
        timeout: timeoutMs,
        signal: request.signal,
        ...(request.agent === undefined ? {} : { agent: request.agent }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let received = 0;
        res.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxResponseBytes) {
            req.destroy(
              new SocketRequestError("response_too_large", `${what}: answer over ${maxResponseBytes} bytes`, {
                socketPath,
              }),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? "",
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on("error", (cause) => reject(classify(cause, what, socketPath, request.signal)));
      },
    );
    req.on("timeout", () =>
      req.destroy(
        new SocketRequestError("socket_timeout", `${what}: no answer within ${timeoutMs} ms`, { socketPath }),
      ),
    );
    req.on("error", (cause) => reject(classify(cause, what, socketPath, request.signal)));
    req.end(body);
  });
}

function classify(cause: Error, what: string, socketPath: string, signal: AbortSignal | undefined): Error {
  if (cause instanceof SocketRequestError) return cause;
  // Aborted by the caller: its reason (a cancelled job, a deadline of its own) is the error.
  if (signal?.aborted === true) return signal.reason instanceof Error ? signal.reason : cause;
  const systemCode = (cause as NodeJS.ErrnoException).code;
  const code = unreachableCodes.has(systemCode ?? "") ? "socket_unreachable" : "socket_connection_lost";
  return new SocketRequestError(code, `${what}: ${cause.message}`, {
    socketPath,
    systemCode,
    cause,
  });
}
