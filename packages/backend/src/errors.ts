import { statusByCode } from "./client/error-codes.ts";
import type { ErrorIssue } from "./client/error-body.ts";
import type { ErrorCode } from "./client/error-codes.ts";

/**
 * Thrown by a handler to answer with dext's error shape and a chosen code, e.g.
 * `throw new RouteError("not_found", "No volume named x")`. Anything else a handler throws is
 * answered as `internal` without its message, which only goes to the log.
 */
export class RouteError extends Error {
  override readonly name = "RouteError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: readonly ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options: { issues?: readonly ErrorIssue[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = statusByCode[code];
    this.issues = options.issues;
  }
}

export type SocketErrorCode =
  | "socket_in_use"
  | "socket_path_not_socket"
  | "socket_path_too_long"
  | "socket_dir_unusable"
  | "invalid_listen_options";

/** The backend could not start listening; the message says why and what to do. */
export class SocketListenError extends Error {
  override readonly name = "SocketListenError";
  readonly code: SocketErrorCode;

  constructor(code: SocketErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
  }
}

/** The reason of a job's `signal` once the job is cancelled. */
export class JobCancelledError extends Error {
  override readonly name = "JobCancelledError";
  readonly code = "job_cancelled";
}

/**
 * - `socket_unreachable`: nothing took the connection (no socket file, nobody listening, no permission).
 * - `socket_connection_lost`: connected, but the connection broke before the whole answer arrived.
 * - `socket_timeout`: the connection was silent for longer than the request's `timeoutMs`.
 * - `response_too_large`: the answer's body grew past `maxResponseBytes`; the connection was closed.
 */
export type SocketRequestErrorCode =
  "socket_unreachable" | "socket_connection_lost" | "socket_timeout" | "response_too_large";

/** An HTTP request over a Unix socket that got no complete answer. */
export class SocketRequestError extends Error {
  override readonly name = "SocketRequestError";
  readonly code: SocketRequestErrorCode;
  readonly socketPath: string;
  /** The system error's code when there was one (`ENOENT`, `ECONNREFUSED`, `ECONNRESET`, ...). */
  readonly systemCode: string | undefined;

  constructor(
    code: SocketRequestErrorCode,
    message: string,
    options: { socketPath: string; systemCode?: string; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.socketPath = options.socketPath;
    this.systemCode = options.systemCode;
  }
}
