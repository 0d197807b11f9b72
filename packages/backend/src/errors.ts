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
