import { BackendClientError } from "@dext/backend/client";

/**
 * One readable line for anything a call can fail with. Desktop rejects a failed exec with an
 * object carrying `stdout`, `stderr` and `code` rather than an Error, so those are read too.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof BackendClientError) {
    const suffix = error.requestId === undefined ? "" : ` (request ${error.requestId})`;
    const issues = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    return `${error.message}${issues === "" ? "" : ` [${issues}]`}${suffix}`;
  }
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null) {
    const { stderr, code, message } = error as { stderr?: unknown; code?: unknown; message?: unknown };
    const detail = typeof stderr === "string" && stderr.trim() !== "" ? stderr.trim() : typeof message === "string" ? message : "";
    const exit = typeof code === "number" ? `exit code ${code}` : "failed";
    return detail === "" ? `Command ${exit}` : `Command ${exit}: ${detail}`;
  }
  return String(error);
}
