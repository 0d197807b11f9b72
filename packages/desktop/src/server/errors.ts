export type DesktopHostErrorCode =
  | "extension_not_found"
  | "metadata_invalid"
  | "dockerfile_unreadable"
  | "dockerfile_invalid"
  | "context_not_found"
  | "ui_missing"
  | "vm_service_failed"
  | "engine_unavailable"
  | "image_failed"
  | "file_unreadable"
  | "path_invalid";

/** Something the host cannot do for an extension; the message says what and how to fix it. */
export class DesktopHostError extends Error {
  override readonly name = "DesktopHostError";
  readonly code: DesktopHostErrorCode;

  constructor(code: DesktopHostErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
  }
}
