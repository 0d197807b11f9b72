import { RouteError } from "@dext/backend";
import { StateFileError } from "./state/state-file-error.ts";

/**
 * An unusable state file is `conflict` (409): the request is fine, the file on disk is not, and
 * retrying changes nothing until someone repairs it. The message says what is wrong and what to do.
 */
export async function withStateErrors<T>(call: () => Promise<T> | T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StateFileError) throw new RouteError("conflict", error.message, { cause: error });
    throw error;
  }
}
