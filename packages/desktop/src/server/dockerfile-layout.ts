import { isAbsolute, posix } from "node:path";
import { imageLayout, labelsDesktopRefuses, landingAt, readDockerfile } from "@dext/metadata";
import type { DockerfileModel, ImageLayout, LandedEntry } from "@dext/metadata";
import { realPathWithin } from "./contained-path.ts";
import { DesktopHostError } from "./errors.ts";
import { readRegularFile } from "./read-regular-file.ts";

export type { ImageLayout, LandedEntry } from "@dext/metadata";

/**
 * Reads a Dockerfile once with @dext/metadata's reader, the one `dext validate` uses, for this
 * machine's platform: the one model its image layout (per build context) and its labels are read from.
 */
export async function readDockerfileModel(
  dockerfilePath: string,
  buildArgs: Record<string, string> = {},
  platform?: string,
): Promise<DockerfileModel> {
  let text: string;
  try {
    text = await readRegularFile(dockerfilePath);
  } catch (cause) {
    throw new DesktopHostError(
      "dockerfile_unreadable",
      cause instanceof Error ? cause.message : `Cannot read ${dockerfilePath}`,
      { cause },
    );
  }
  const model = readDockerfile(text, dockerfilePath, new Map(Object.entries(buildArgs)), platform);
  if (model.stages.length === 0)
    throw new DesktopHostError("dockerfile_invalid", `${dockerfilePath} has no FROM instruction`);
  return model;
}

/**
 * Says for the final stage which file of the build context (or of an earlier stage that copied the
 * context and built in place) lands where in the image. What only a build makes (a RUN's output, a
 * stage path this machine lacks, an image's files) has no machine path.
 */
export function layoutIn(model: DockerfileModel, contextDir: string): ImageLayout {
  const layout = imageLayout(model, contextDir);
  const climbing = layout.entries.find((entry) => entry.origin === "context" && climbsOut(entry.source));
  if (climbing !== undefined)
    throw new DesktopHostError(
      "dockerfile_invalid",
      `${model.file}:${String(climbing.line)}: COPY source ${climbing.source} is outside the build context ${contextDir}`,
    );
  return layout;
}

/** A Dockerfile's image layout from one build context, for a caller that needs nothing else of it. */
export async function readImageLayout(
  dockerfilePath: string,
  contextDir: string,
  buildArgs: Record<string, string> = {},
  platform?: string,
): Promise<ImageLayout> {
  return layoutIn(await readDockerfileModel(dockerfilePath, buildArgs, platform), contextDir);
}

/**
 * Docker reads COPY sources relative to the context, absolute ones too (`COPY /ui /ui` is the
 * context's ui), and a source that climbs out of it with `..` names nothing the host may serve.
 */
function climbsOut(source: string): boolean {
  let depth = 0;
  for (const part of source.split("/")) {
    if (part === "..") depth -= 1;
    else if (part !== "" && part !== ".") depth += 1;
    if (depth < 0) return true;
  }
  return false;
}

function absoluteImagePath(layout: ImageLayout, imagePath: string): string {
  return isAbsolute(imagePath) ? posix.normalize(imagePath) : posix.resolve(layout.workdir, imagePath);
}

/** The machine path that stands for `imagePath`, when some copy puts something there (not checked on disk). */
export function hostPathFor(layout: ImageLayout, imagePath: string): string | undefined {
  return landingAt(layout.entries, absoluteImagePath(layout, imagePath))?.hostPath;
}

/**
 * The copy that puts `imagePath` into the image when only a build can make it (a path of another
 * stage that this machine lacks, another image's file): the folder does not have it until then.
 */
export function builtOnly(layout: ImageLayout, imagePath: string): LandedEntry | undefined {
  const entry = landingAt(layout.entries, absoluteImagePath(layout, imagePath))?.entry;
  return entry === undefined || entry.origin === "context" ? undefined : entry;
}

/**
 * The real machine path that stands for `imagePath`, only when it stays inside the file or
 * folder its COPY named: a symlink in the context that points elsewhere is not followed.
 */
export async function containedHostPath(layout: ImageLayout, imagePath: string): Promise<string | undefined> {
  const found = landingAt(layout.entries, absoluteImagePath(layout, imagePath));
  const root = found?.entry.hostPath;
  return found?.hostPath === undefined || root === undefined ? undefined : realPathWithin(found.hostPath, root);
}

/**
 * Whether `imagePath` is a folder only because files land inside it (`COPY ui/*.html /ui/` makes
 * /ui without naming it), each from the folder. Docker creates such a folder; nothing copies it.
 */
export function impliedFolder(layout: ImageLayout, imagePath: string): boolean {
  const target = absoluteImagePath(layout, imagePath);
  const prefix = target === "/" ? "/" : `${target}/`;
  return layout.entries.some((entry) => entry.imagePath.startsWith(prefix) && entry.hostPath !== undefined);
}

/**
 * What Desktop would refuse in the labels the Dockerfile gives the image (Desktop reads them from
 * the built image; folder mode has only the Dockerfile), one sentence each.
 */
export function labelRefusals(model: DockerfileModel): string[] {
  return labelsDesktopRefuses(model).map((finding) => `Docker Desktop refuses this image: ${finding.message}`);
}
