import { BackendClientError } from "@dext/backend/client";

/** One readable line for a failed call: the backend's message, the fields it names, the request to look up. */
export function describeFailure(error: unknown): string {
  if (error instanceof BackendClientError) {
    const issues = error.issues
      .map((issue) => `${issue.path}: ${issue.message}`)
      .filter((text) => !error.message.includes(text));
    const request = error.requestId === undefined ? "" : ` (request ${error.requestId})`;
    return `${error.message}${issues.length === 0 ? "" : ` [${issues.join("; ")}]`}${request}`;
  }
  return error instanceof Error ? error.message : String(error);
}
