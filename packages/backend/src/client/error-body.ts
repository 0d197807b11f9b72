// zod/mini, not classic: a backend or UI whose own schemas are mini then loads no classic zod at all.
import * as z from "zod/mini";
import { errorCodes } from "./error-codes.ts";

/**
 * Every error a dext backend answers has this one JSON shape, whatever went wrong, so a UI
 * needs a single code path to show it.
 */
const errorIssueSchema = z.object({
  /** Where the problem is, e.g. `body.name` or `query.limit`. */
  path: z.string(),
  message: z.string(),
});

export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    requestId: z.optional(z.string()),
    issues: z.optional(z.array(errorIssueSchema)),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
