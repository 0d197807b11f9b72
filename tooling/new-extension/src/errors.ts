export type NewExtensionErrorCode = "INVALID_NAME" | "UNKNOWN_SAMPLE" | "TARGET_EXISTS" | "NAME_TAKEN" | "USAGE" | "INSTALL_FAILED";

/** Every refusal of `new-extension`: a literal code for scripts, a message that says what to do. */
export class NewExtensionError extends Error {
  constructor(
    readonly code: NewExtensionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "NewExtensionError";
  }
}
