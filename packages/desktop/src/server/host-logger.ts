import { createLogger } from "@dext/backend";
import type { Logger } from "@dext/backend";
import type { Writable } from "node:stream";

/** The host's logger: @dext/backend's (pino, one JSON line per event), named for the host; stdout unless a stream is given. */
export function createHostLogger(stream?: Writable): Logger {
  return createLogger({ name: "dext-desktop", ...(stream === undefined ? {} : { stream }) });
}
