/**
 * The codes of dext's one error shape (see `error-body.ts`) and the HTTP status of each. Kept apart
 * from the zod schema of that shape so that the server, which only needs the statuses, does not
 * build the schema at start-up.
 */
export const errorCodes = [
  "invalid_input",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "request_timeout",
  "payload_too_large",
  "unsupported_media_type",
  "conflict",
  "too_many_requests",
  "internal",
  "unavailable",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const statusByCode: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};
