import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { MetadataReadError } from "./errors.js";
import { jsonErrorPosition } from "./json-position.js";

export interface ExtensionDir {
  dir: string;
  /** `<dir>/metadata.json`, as Desktop finds it at the image root. */
  metadataPath: string;
  /** The parsed JSON, not yet validated: pass it to validateMetadata. */
  metadata: unknown;
}

/**
 * Reads and parses `<dir>/metadata.json`.
 * @throws {MetadataReadError} when the folder or file is missing or unreadable, or the JSON is invalid.
 */
export async function readExtensionDir(dir: string): Promise<ExtensionDir> {
  await assertDirectory(dir);
  const metadataPath = join(dir, "metadata.json");
  const text = await readMetadataText(metadataPath, dir);
  return { dir, metadataPath, metadata: parseMetadataText(text, metadataPath) };
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

async function readMetadataText(metadataPath: string, dir: string): Promise<string> {
  try {
    return await readFile(metadataPath, "utf8");
  } catch (cause) {
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

/**
 * Parses the text of a metadata.json.
 * @throws {MetadataReadError} `invalid_json`, with the position where parsing stopped
 */
export function parseMetadataText(text: string, metadataPath: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const position = jsonErrorPosition(text, cause);
    // Editors on Windows may save a byte-order mark, which JSON.parse (and Desktop) refuse.
    const bom = text.startsWith("\uFEFF") ? "; the file starts with a byte-order mark, save it as UTF-8 without BOM" : "";
    throw new MetadataReadError(
      "invalid_json",
      `${metadataPath} is not valid JSON at line ${position.line}, column ${position.column}: ${describe(cause)}${bom}`,
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
