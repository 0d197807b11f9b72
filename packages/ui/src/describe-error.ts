import { BackendClientError } from "@dext/backend/client/backend-client-error";
import { ExecUnavailableError, OutsideDesktopError } from "./errors.ts";
import { currentHostRuntime } from "./host-runtime.ts";
import type { HostRuntime } from "./host-runtime.ts";

/** What the user can do about an error; the banner shows one button per action. */
export type ErrorAction = "retry" | "reload";

/** An error as the banner shows it: plain words, what to do, and the details an operator needs. */
export interface ErrorDescription {
  readonly severity: "error" | "warning" | "info";
  readonly title: string;
  readonly message: string;
  /** The actions that can help, best first. `retry` is only offered when the caller can retry. */
  readonly actions: readonly ErrorAction[];
  /** Label/value pairs for the Details section: kind, status, request id, fields, cause. */
  readonly details: readonly (readonly [string, string])[];
}

function backendDetails(error: BackendClientError): [string, string][] {
  const details: [string, string][] = [["Kind", error.kind]];
  if (error.status !== undefined) details.push(["HTTP status", String(error.status)]);
  if (error.requestId !== undefined) details.push(["Request id (in the backend's logs)", error.requestId]);
  for (const issue of error.issues) details.push([`Field ${issue.path}`, issue.message]);
  details.push(["Message", error.message]);
  return details;
}

function causeDetails(error: Error): [string, string][] {
  const details: [string, string][] = [["Error", `${error.name}: ${error.message}`]];
  if (error.cause instanceof Error) details.push(["Cause", error.cause.message]);
  return details;
}

/**
 * Maps every failure the kit knows to one description. The backend client's `kind` decides the
 * action: an unreachable backend is worth a retry, and a reload when retrying does not help
 * (after `docker extension update` the socket can stay dead until the extension restarts); a
 * response that breaks the contract means the UI and backend versions differ, which a reload
 * fixes; a refused input is the user's to correct, so it gets no retry. Advice to restart names
 * the host the page runs in (Docker Desktop, or the host that announced itself: see host-runtime).
 */
export function describeError(error: unknown, host: HostRuntime = currentHostRuntime()): ErrorDescription {
  if (error instanceof BackendClientError) {
    const details = backendDetails(error);
    switch (error.kind) {
      case "unavailable":
        // With an error body the backend itself answered: it is up, but something it needs
        // (the engine, a helper service) is not; its message says what.
        if (error.body !== undefined) {
          return {
            severity: "error",
            title: "The backend cannot reach what it needs",
            message: error.message,
            actions: ["retry"],
            details,
          };
        }
        return {
          severity: "error",
          title: "The extension's backend is not answering",
          message: `It may still be starting, or it stopped after an update. Try again; if it keeps failing, reload the extension or ${host.restartAdvice}.`,
          actions: ["retry", "reload"],
          details,
        };
      case "invalid_input":
        return {
          severity: "warning",
          title: "The backend refused the request",
          message:
            error.issues.length > 0
              ? error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")
              : error.message,
          actions: [],
          details,
        };
      case "not_found":
        return { severity: "warning", title: "Not found", message: error.message, actions: ["retry"], details };
      case "rejected":
        return {
          severity: "warning",
          title: "The backend refused the request",
          message: error.message,
          actions: ["retry"],
          details,
        };
      case "server_fault":
        return {
          severity: "error",
          title: "The backend failed",
          message:
            error.requestId === undefined
              ? error.message
              : `${error.message}. Its logs name request ${error.requestId}.`,
          actions: ["retry"],
          details,
        };
      case "invalid_response":
        return {
          severity: "error",
          title: "The backend's answer does not match this UI",
          message:
            "The UI and the backend are probably from different versions of the extension. Reload the extension; if that does not help, reinstall it.",
          actions: ["reload"],
          details,
        };
      case "cancelled":
        return { severity: "info", title: "Cancelled", message: error.message, actions: ["retry"], details };
    }
  }
  if (error instanceof OutsideDesktopError) {
    return {
      severity: "warning",
      title: "Not running in Docker Desktop",
      message: error.message,
      actions: [],
      details: causeDetails(error),
    };
  }
  if (error instanceof ExecUnavailableError) {
    return {
      severity: "error",
      title: "This extension cannot run that command",
      message: error.message,
      actions: [],
      details: causeDetails(error),
    };
  }
  const asError = error instanceof Error ? error : new Error(String(error));
  return {
    severity: "error",
    title: "Something went wrong",
    message: asError.message,
    actions: ["retry", "reload"],
    details: causeDetails(asError),
  };
}
