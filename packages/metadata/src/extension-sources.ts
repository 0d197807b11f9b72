import { join, posix } from "node:path";
import { isDirectory } from "./build-context.ts";
import { detectContext } from "./build-context.ts";
import { isRemoteSource, readCopy } from "./copy-instruction.ts";
import type { DockerfileModel } from "./dockerfile-model.ts";
import { FileRefusedError, InputError } from "./errors.ts";
import { landingAt } from "./image-layout.ts";
import type { ImageLayout } from "./image-layout.ts";
import { readRegularText } from "./read-regular-file.ts";

/**
 * Reads a regular text file of at most `maxBytes`, or returns undefined when there is none
 * (nothing at the path, or a folder).
 * @throws {InputError} `file_unreadable` when it cannot be read or is not a regular file (a FIFO,
 * a device), `file_too_large` over the cap
 */
export async function readOptionalText(path: string, maxBytes: number): Promise<string | undefined> {
  try {
    return await readRegularText(path, maxBytes);
  } catch (cause) {
    if (cause instanceof FileRefusedError) {
      if (cause.kind === "a directory") return undefined;
      throw new InputError(cause.code === "file_too_large" ? "file_too_large" : "file_unreadable", cause.message, {
        path,
        cause,
      });
    }
    const code = cause instanceof Error && "code" in cause ? cause.code : undefined;
    if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return undefined;
    throw new InputError(
      "file_unreadable",
      `Cannot read ${path} (${cause instanceof Error ? cause.message : String(cause)})`,
      { path, cause },
    );
  }
}

/** The build context: `--context` when given, else detected from the Dockerfile's COPY sources. */
export function resolveContext(model: DockerfileModel, dir: string, given: string | undefined): string {
  if (given !== undefined) {
    if (!isDirectory(given))
      throw new InputError("context_not_found", `The build context ${given} is not a folder`, { path: given });
    return given;
  }
  const sources = model.stages.flatMap((stage) =>
    stage.steps.flatMap((step) => {
      const copy = readCopy(step, model.escapeChar);
      return copy === undefined || copy.from !== undefined
        ? []
        : copy.sources.filter((source) => !isRemoteSource(source));
    }),
  );
  return detectContext(dir, sources).context;
}

/**
 * Where the compose file (or any file metadata.json names, such as the icon) the image gets
 * comes from on this machine: the context file the Dockerfile copies to `/<composefile>`, else
 * `<dir>/<composefile>`.
 */
export function composeSource(composefile: string, dir: string, layout: ImageLayout | undefined): string {
  const found = layout === undefined ? undefined : landingAt(layout.entries, posix.resolve("/", composefile));
  return found?.entry.origin === "context" && found.hostPath !== undefined ? found.hostPath : join(dir, composefile);
}
