import { join, posix, relative } from "node:path";
import type { DockerfileModel } from "./dockerfile-model.ts";
import { findingAt } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { shortPath } from "./display-path.ts";
import { missingSources, runStepFor } from "./image-contents.ts";
import { landingAt } from "./image-layout.ts";
import type { ImageLayout } from "./image-layout.ts";
import type { MetadataRefs } from "./metadata-refs.ts";

export interface ImageFilesInput {
  model: DockerfileModel;
  layout: ImageLayout;
  refs: MetadataRefs;
  /** The extension folder and the build context, absolute. */
  dir: string;
  context: string;
}

interface Needed {
  /** Absolute path in the image. */
  target: string;
  /** What names it, for the message: `metadata.json` or `icon "docker.svg" ($.icon)`. */
  what: string;
  /** The file's name in the extension folder, for the suggested COPY. */
  local: string;
  /** Where the suggested COPY puts it, when not `target` (the UI root folder). */
  copyTo?: string;
}

/**
 * Every file metadata.json names must be in the image: Desktop reads metadata.json from `/`,
 * copies the UI root and host binaries out, shows the icon and runs the compose file.
 */
export function checkImageFiles(input: ImageFilesInput): Finding[] {
  const final = input.model.stages.at(-1);
  if (final === undefined) return [];
  const findings: Finding[] = [];
  for (const needed of neededFiles(input.refs)) {
    if (landingAt(input.layout.entries, needed.target) !== undefined) continue;
    if (runStepFor(input.model, needed.target) !== undefined) continue;
    const source = posix.join(...relative(input.context, join(input.dir, needed.local)).split(/[\\/]/));
    findings.push(
      findingAt(
        "error",
        { file: input.model.file, line: final.line },
        `${needed.what} must be at ${needed.target} in the image, but the final stage never copies it there`,
        `Add "COPY ${source || "."} ${needed.copyTo ?? needed.target}" to the final stage (sources are relative to the build context).`,
      ),
    );
  }
  for (const { source, line } of missingSources(input.model, input.context)) {
    findings.push(
      findingAt(
        "warning",
        { file: input.model.file, line },
        `The COPY source "${source}" does not exist in the build context ${shortPath(input.context)}, so docker build fails unless it is generated first`,
        "Fix the path, build it before the image, or pass --context <dir> if the context is another folder.",
      ),
    );
  }
  return findings;
}

function neededFiles(refs: MetadataRefs): Needed[] {
  const inImage = (path: string): string => posix.resolve("/", path);
  const needed: Needed[] = [{ target: "/metadata.json", what: "metadata.json", local: "metadata.json" }];
  if (refs.icon !== undefined && !/^[a-z][a-z\d+.-]*:\/\//i.test(refs.icon.value)) {
    needed.push({
      target: inImage(refs.icon.value),
      what: `The icon "${refs.icon.value}" (${refs.icon.path})`,
      local: refs.icon.value,
    });
  }
  if (refs.uiRoot !== undefined) {
    const src = refs.uiSrc?.value ?? "index.html";
    const root = refs.uiRoot.value;
    needed.push({
      target: posix.join(root, src),
      what: `The UI entry ${src} in root ${root} (${refs.uiRoot.path})`,
      local: posix.basename(root),
      copyTo: root,
    });
  }
  if (refs.composefile !== undefined) {
    const file = refs.composefile.value;
    needed.push({ target: inImage(file), what: `The compose file "${file}" (${refs.composefile.path})`, local: file });
  }
  for (const binary of refs.binaries) {
    needed.push({
      target: binary.value,
      what: `The host binary ${binary.value} (${binary.path})`,
      local: binary.value.slice(1),
    });
  }
  return needed;
}
