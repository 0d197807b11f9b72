import * as z from "zod";
import { errorCodes } from "./error-codes.js";

/**
 * Every error a dext backend answers has this one JSON shape, whatever went wrong, so a UI
 * needs a single code path to show it.
 */
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
