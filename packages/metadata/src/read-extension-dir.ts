import { stat } from "node:fs/promises";
import { join } from "node:path";
import { FileRefusedError, MetadataReadError } from "./errors.ts";
import { MAX_JSON_DEPTH, MAX_METADATA_BYTES } from "./input-limits.ts";
import { tooDeepOffset } from "./json-depth.ts";
import { positionAt } from "./json-position.ts";
import { findJsonSyntaxError } from "./json-syntax-error.ts";
import type { JsonSyntaxErrorCode } from "./json-syntax-error.ts";
import { readRegularFile } from "./read-regular-file.ts";
import type { RegularFile } from "./read-regular-file.ts";

export interface ExtensionDir {
  dir: string;
  /** `<dir>/metadata.json`, as Desktop finds it at the image root. */
  metadataPath: string;
  /** The parsed JSON, not yet validated: pass it to validateMetadata. */
  metadata: unknown;
}

/**
 * Reads and parses `<dir>/metadata.json`.
 * @throws {MetadataReadError} when the folder or file is missing or unreadable (not a regular
 * file, over MAX_METADATA_BYTES), or the JSON is invalid or nested deeper than MAX_JSON_DEPTH.
 */
export async function readExtensionDir(dir: string): Promise<ExtensionDir> {
  const { file: _file, ...read } = await readExtensionSource(dir);
  return read;
}

/** readExtensionDir, plus the bytes and mode it parsed, so `migrate --write` backs up exactly what it read. */
export async function readExtensionSource(dir: string): Promise<ExtensionDir & { file: RegularFile }> {
  await assertDirectory(dir);
  const metadataPath = join(dir, "metadata.json");
  const file = await readMetadataFile(metadataPath, dir);
  return { dir, metadataPath, metadata: parseMetadataText(file.bytes.toString("utf8"), metadataPath), file };
}

async function assertDirectory(dir: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch (cause) {
    const reason = errorCode(cause) === "ENOENT" ? "does not exist" : `cannot be opened (${describe(cause)})`;
    throw new MetadataReadError("dir_not_found", `The extension folder ${dir} ${reason}`, { path: dir, cause });
  }
  if (!isDirectory) {
    throw new MetadataReadError(
      "not_a_directory",
      `${dir} is a file; pass the extension folder that contains metadata.json`,
      { path: dir },
    );
  }
}

async function readMetadataFile(metadataPath: string, dir: string): Promise<RegularFile> {
  try {
    return await readRegularFile(metadataPath, MAX_METADATA_BYTES);
  } catch (cause) {
    if (cause instanceof FileRefusedError) {
      const code = cause.code === "file_too_large" ? "metadata_too_large" : "metadata_unreadable";
      throw new MetadataReadError(code, cause.message, { path: metadataPath, cause });
    }
    if (errorCode(cause) === "ENOENT") {
      throw new MetadataReadError(
        "metadata_missing",
        `${dir} has no metadata.json; Docker Desktop reads it from the root of the extension image`,
        { path: metadataPath, cause },
      );
    }
    throw new MetadataReadError("metadata_unreadable", `Cannot read ${metadataPath} (${describe(cause)})`, {
      path: metadataPath,
      cause,
    });
  }
}

/** What a JSON mistake means for metadata.json in particular. */
const METADATA_HINTS: Partial<Record<JsonSyntaxErrorCode, string>> = {
  trailing_comma: " (Desktop reads metadata.json as strict JSON)",
  comment: " (Desktop reads metadata.json as strict JSON)",
  byte_order_mark: " (Desktop refuses it too)",
  empty: ", and metadata.json an object ({} at least)",
};

/**
 * Parses the text of a metadata.json.
 * @throws {MetadataReadError} `invalid_json`, with the position where parsing stopped, or
 * `metadata_too_deep`, with the position of the bracket past MAX_JSON_DEPTH
 */
export function parseMetadataText(text: string, metadataPath: string): unknown {
  // JSON.parse copes with any depth, but what walks the value afterwards (JSON.stringify too) does not.
  const deep = tooDeepOffset(text, MAX_JSON_DEPTH);
  if (deep !== undefined) {
    const position = positionAt(text, deep);
    throw new MetadataReadError(
      "metadata_too_deep",
      `${metadataPath} nests deeper than ${MAX_JSON_DEPTH} levels at line ${position.line}, column ${position.column}; metadata.json needs six`,
      { path: metadataPath, position },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // JSON.parse decides (it is strict, as Desktop is); findJsonSyntaxError says where and why.
    // Should the two ever disagree, V8's own message at the end of the text still says something.
    const found = findJsonSyntaxError(text);
    const position = found?.position ?? positionAt(text, text.length);
    const reason = found === undefined ? describe(cause) : found.reason + (METADATA_HINTS[found.code] ?? "");
    throw new MetadataReadError(
      "invalid_json",
      `${metadataPath} is not valid JSON at line ${position.line}, column ${position.column}: ${reason}`,
      { path: metadataPath, cause, position },
    );
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && "code" in error ? error.code : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
