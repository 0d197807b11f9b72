import { z } from "zod";

/**
 * Every error a dext backend answers has this one JSON shape, whatever went wrong, so a UI
 * needs a single code path to show it.
 */
export const errorCodes = [
  "invalid_input",
  "not_found",
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
  "conflict",
  "too_many_requests",
  "internal",
  "unavailable",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorIssueSchema = z.object({
  /** Where the problem is, e.g. `body.name` or `query.limit`. */
  path: z.string(),
  message: z.string(),
});

export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    requestId: z.string().optional(),
    issues: z.array(errorIssueSchema).optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

export const statusByCode: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};
