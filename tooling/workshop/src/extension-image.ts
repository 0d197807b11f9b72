import { resolve } from "node:path";
import { imageLayout, readDockerfile } from "@dext/metadata";
import type { ImageLayout } from "@dext/metadata";
import type { ExtensionFiles } from "./extension-files.ts";

/** The build context the sample's Dockerfile is written for: the repository root, two levels above samples/<name>. */
export function buildContext(files: ExtensionFiles): string {
  return resolve(files.dir, "../..");
}

/**
 * The image the extension's Dockerfile builds, read by @dext/metadata exactly as `dext validate`
 * and the local host read it (which file lands where, with its `--chmod`); undefined without one.
 */
export async function extensionImage(files: ExtensionFiles): Promise<ImageLayout | undefined> {
  const text = await files.text("Dockerfile");
  return text === undefined
    ? undefined
    : imageLayout(readDockerfile(text, files.path("Dockerfile")), buildContext(files));
}

/** Whether a `--chmod` value (octal, as the labs write it) lets everyone run the file. */
export function isExecutableMode(mode: string | undefined): boolean {
  return mode !== undefined && /^[0-7]{3,4}$/.test(mode) && (Number.parseInt(mode, 8) & 0o111) !== 0;
}
