import { statusByCode } from "./error-codes.ts";
import type { ErrorBody, ErrorIssue } from "./error-body.ts";
import type { ErrorCode } from "./error-codes.ts";

/**
 * What the UI can do about a failure, independent of how the call travelled:
 * - `unavailable`: the backend cannot be reached (not started yet, restarting after an update); retrying may help.
 * - `invalid_input`: the request was refused as invalid; `issues` names the fields.
 * - `not_found`: the route or the resource does not exist.
 * - `rejected`: another 4xx (conflict, payload too large, ...).
 * - `server_fault`: the backend failed; the operator finds `requestId` in its logs.
 * - `invalid_response`: the backend answered something the contract does not allow.
 * - `cancelled`: a job was cancelled before it finished.
 */
export type BackendErrorKind =
  "unavailable" | "invalid_input" | "not_found" | "rejected" | "server_fault" | "invalid_response" | "cancelled";

export interface BackendClientErrorDetails {
  kind: BackendErrorKind;
  message: string;
  status?: number | undefined;
  body?: ErrorBody | undefined;
  cause?: unknown;
}

export class BackendClientError extends Error {
  override readonly name = "BackendClientError";
  readonly code = "backend_call_failed";
  readonly kind: BackendErrorKind;
  readonly status: number | undefined;
  /** The backend's error body when it sent one in dext's error shape. */
  readonly body: ErrorBody | undefined;

  constructor(details: BackendClientErrorDetails) {
    super(details.message, { cause: details.cause });
    this.kind = details.kind;
    this.status = details.status;
    this.body = details.body;
  }

  get issues(): readonly ErrorIssue[] {
    return this.body?.error.issues ?? [];
  }

  get requestId(): string | undefined {
    return this.body?.error.requestId;
  }
}

export function kindForStatus(status: number | undefined): BackendErrorKind {
  if (status === undefined || status === 502 || status === 503 || status === 504) return "unavailable";
  if (status === 400 || status === 422) return "invalid_input";
  if (status === 404) return "not_found";
  if (status >= 500) return "server_fault";
  return "rejected";
}

/** The kind for an error the backend reported in its body rather than as a status (a failed job). */
export function kindForCode(code: ErrorCode): BackendErrorKind {
  return kindForStatus(statusByCode[code]);
}
