import { Writable } from "node:stream";
import { createHostLogger } from "../server/host-logger.ts";
import type { Logger } from "@dext/backend";

/** The host's log kept in memory for a test: the JSON lines it would print, in order. */
export interface CapturedLog {
  readonly logger: Logger;
  /** Every line so far, as written. */
  readonly lines: readonly string[];
  /** Every line so far, parsed. */
  entries(): Record<string, unknown>[];
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .split("\n")
          .filter((line) => line !== ""),
      );
      done();
    },
  });
  return {
    logger: createHostLogger(stream),
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
