/**
 * - `engine_unreachable`: nothing answers on the engine socket (not mounted, engine or proxy down).
 * - `engine_refused`: the engine answered with an error status; `status` and its message say why.
 * - `engine_timeout`: no complete answer in time.
 * - `engine_invalid_response`: an answer this backend cannot read (not JSON, unexpected shape).
 */
export type EngineErrorCode = "engine_unreachable" | "engine_refused" | "engine_timeout" | "engine_invalid_response";

/** A failed call to the Docker Engine API. */
export class EngineError extends Error {
  override readonly name = "EngineError";
  readonly code: EngineErrorCode;
  readonly status: number | undefined;

  constructor(code: EngineErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }
}
