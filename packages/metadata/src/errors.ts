import type { JsonPosition } from "./json-position.js";

export type MetadataReadErrorCode =
  | "dir_not_found"
  | "not_a_directory"
  | "metadata_missing"
  | "metadata_unreadable"
  | "invalid_json";

/** Why an extension folder's metadata.json could not be read; nothing was validated. */
export class MetadataReadError extends Error {
  override readonly name = "MetadataReadError";
  readonly code: MetadataReadErrorCode;
  /** The folder or file concerned. */
  readonly path: string;
  /** Where parsing stopped, for `invalid_json`. */
  readonly position: JsonPosition | undefined;

  constructor(
    code: MetadataReadErrorCode,
    message: string,
    options: { path: string; cause?: unknown; position?: JsonPosition },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.position = options.position;
  }
}

/** The command line could not be understood; the CLI prints usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly code = "bad_usage";
}
