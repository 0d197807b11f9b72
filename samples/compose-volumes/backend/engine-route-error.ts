import { RouteError } from "@dext/backend";
import { EngineError } from "./engine/engine-error.ts";

/**
 * The error shape for a failed engine call: an engine that cannot be reached or is too slow is
 * `unavailable` (503, the UI may retry), a missing object is `not_found`; anything else stays an
 * internal error whose details go to the log only.
 */
function engineRouteError(error: unknown): unknown {
  if (!(error instanceof EngineError)) return error;
  if (error.code === "engine_unreachable") return new RouteError("unavailable", error.message, { cause: error });
  if (error.code === "engine_timeout") return new RouteError("unavailable", error.message, { cause: error });
  if (error.code === "engine_refused" && error.status === 404)
    return new RouteError("not_found", error.message, { cause: error });
  // The engine itself never answers 502: that is the engine proxy saying the engine is gone.
  if (error.code === "engine_refused" && error.status === 502)
    return new RouteError("unavailable", error.message, { cause: error });
  return error;
}

/** Runs an engine call and rethrows its failure in the error shape. */
export async function withEngineErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw engineRouteError(error);
  }
}
