/** The literal codes of dext UI errors, so callers can branch on `error.code`. */
export type DextUiErrorCode = "outside_desktop" | "exec_unavailable" | "lazy_view_load_failed";

/** What the page tells its user when no Docker Desktop client was injected. */
export const outsideDesktopReason =
  "This page is running outside Docker Desktop: there is no window.ddClient, so it cannot reach " +
  "Docker or the extension's backend. Open it from the extension's tab in Docker Desktop, or run " +
  "it in the dext local host, which provides the client.";

/** Thrown when code needs Docker Desktop's client but the page runs without one. */
export class OutsideDesktopError extends Error {
  override readonly name = "OutsideDesktopError";
  readonly code: DextUiErrorCode = "outside_desktop";

  constructor(message: string = outsideDesktopReason, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
  }
}

/**
 * Thrown when the client has no exec for the requested target: Desktop only gives an extension
 * `extension.vm` and `extension.host` when its metadata.json declares those sections.
 */
export class ExecUnavailableError extends Error {
  override readonly name = "ExecUnavailableError";
  readonly code: DextUiErrorCode = "exec_unavailable";
}
