export type NewExtensionErrorCode =
  | "INVALID_NAME"
  | "INVALID_TITLE"
  | "INVALID_TARGET"
  | "UNKNOWN_SAMPLE"
  | "TARGET_EXISTS"
  | "NAME_TAKEN"
  | "USAGE"
  | "INSTALL_FAILED";

/** Every refusal of `new-extension`: a literal code for scripts, a message that says what to do. */
export class NewExtensionError extends Error {
  readonly code: NewExtensionErrorCode;

  constructor(code: NewExtensionErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = "NewExtensionError";
  }
}

/**
 * Every refusal found before writing, as one error: the first one's code, each on its own line, so
 * a user fixes them all at once rather than one run at a time.
 */
export function allRefusals(problems: readonly NewExtensionError[]): NewExtensionError | undefined {
  const [first] = problems;
  if (first === undefined) return undefined;
  if (problems.length === 1) return first;
  return new NewExtensionError(
    first.code,
    `${String(problems.length)} problems, nothing written:\n${problems.map((problem) => `  - ${problem.message}`).join("\n")}`,
  );
}

/** Runs a check and keeps its refusal in `problems` instead of stopping at it. */
export async function collectRefusal(problems: NewExtensionError[], check: () => unknown): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof NewExtensionError)) throw error;
    problems.push(error);
  }
}
