export type ScreenshotErrorCode =
  | "usage"
  | "state_syntax"
  | "output_refused"
  | "extension_not_installed"
  | "step_target_missing"
  | "capture_failed"
  | "label_unreadable";

/** What `dext-desktop screenshots` cannot do; the message names the input at fault. */
export class ScreenshotError extends Error {
  override readonly name = "ScreenshotError";
  readonly code: ScreenshotErrorCode;

  constructor(code: ScreenshotErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
  }
}
