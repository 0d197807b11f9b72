import { readRegularText } from "@dext/metadata";
import { DesktopHostError } from "./errors.ts";

/** Text files the host reads from an extension (metadata.json, Dockerfile, compose file): the validator's cap. */
const maxTextFileBytes = 1_048_576;

/**
 * @dext/metadata's reader (regular files only, opened non-blocking, capped), so a FIFO or a
 * device in a file's place is refused by the host exactly as `dext validate` refuses it; any
 * refusal becomes the host's `file_unreadable` with the reader's message.
 */
export async function readRegularFile(path: string, maxBytes = maxTextFileBytes): Promise<string> {
  try {
    return await readRegularText(path, maxBytes);
  } catch (cause) {
    throw new DesktopHostError(
      "file_unreadable",
      `Cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
