import { RouteError } from "@dext/backend";
import { helperProblemSchema } from "../shared/listing.ts";
import type { z } from "zod";
import type { HelperRun } from "./engine/helper-container.ts";

/**
 * Reads the helper's one JSON document. Exit 2 is a refusal (a bad path, a link out of the volume,
 * nothing there) and becomes the user's error with the helper's words; anything unreadable is a
 * fault, logged with the helper's stderr.
 */
export function readHelperOutput<S extends z.ZodType>(run: HelperRun, schema: S): z.infer<S> {
  const lastLine = run.stdout.trim().split("\n").at(-1) ?? "";
  let document: unknown;
  try {
    document = JSON.parse(lastLine);
  } catch (cause) {
    throw new Error(`helper exited ${run.exitCode} without JSON output; stderr: ${run.stderr.slice(-2_000)}`, {
      cause,
    });
  }
  if (run.exitCode === 2) {
    const { problem } = helperProblemSchema.parse(document);
    if (problem.code === "not_found") throw new RouteError("not_found", problem.message);
    throw new RouteError("invalid_input", problem.message, {
      issues: [{ path: "query.path", message: problem.message }],
    });
  }
  if (run.exitCode !== 0) throw new Error(`helper exited ${run.exitCode}; stderr: ${run.stderr.slice(-2_000)}`);
  const parsed = schema.safeParse(document);
  if (!parsed.success) throw new Error(`helper output outside its schema: ${parsed.error.message}`);
  return parsed.data;
}
