import type { JsonPosition } from "./json-position.ts";

export type MetadataReadErrorCode =
  | "dir_not_found"
  | "not_a_directory"
  | "metadata_missing"
  | "metadata_unreadable"
  | "metadata_too_large"
  | "metadata_too_deep"
  | "invalid_json";

/** Why an extension folder's metadata.json could not be read; nothing was validated. */
export class MetadataReadError extends Error {
  override readonly name = "MetadataReadError";
  readonly code: MetadataReadErrorCode;
  /** The folder or file concerned. */
  readonly path: string;
  /** Where parsing stopped, for `invalid_json` and `metadata_too_deep`. */
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

export type InputErrorCode = "dockerfile_not_found" | "context_not_found" | "file_unreadable" | "file_too_large";

/** The Dockerfile, compose file or context cannot be used (missing when named explicitly, or unreadable); nothing was validated. */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly code: InputErrorCode;
  readonly path: string;

  constructor(code: InputErrorCode, message: string, options: { path: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}

export type DockerErrorCode = "docker_missing" | "daemon_unreachable" | "image_not_found" | "inspect_failed";

/** `docker image inspect` could not answer: no CLI, no engine, no such image, or unreadable output. */
export class DockerError extends Error {
  override readonly name = "DockerError";
  readonly code: DockerErrorCode;

  constructor(code: DockerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

export type MigrateErrorCode = "already_modern" | "backup_exists" | "not_an_object" | "write_failed";

/** `dext migrate` refused: the file needs no migration, writing it could lose the original, or writing failed (the original is then untouched). */
export class MigrateError extends Error {
  override readonly name = "MigrateError";
  readonly code: MigrateErrorCode;

  constructor(code: MigrateErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type FileRefusedCode = "not_a_regular_file" | "file_too_large";

/**
 * dext refused to read a file: it is not a regular file (a FIFO would block, a device never
 * ends) or it is over its cap. Callers turn it into their own error or a located finding.
 */
export class FileRefusedError extends Error {
  override readonly name = "FileRefusedError";
  readonly code: FileRefusedCode;
  readonly path: string;
  /** What the path is when it is not a regular file: "a FIFO", "a directory"… */
  readonly kind: string | undefined;

  constructor(code: FileRefusedCode, message: string, options: { path: string; kind?: string }) {
    super(message);
    this.code = code;
    this.path = options.path;
    this.kind = options.kind;
  }
}
