import { imagePathFromMetadata } from "./contained-path.ts";
import { builtOnly, containedHostPath, impliedFolder } from "./dockerfile-layout.ts";
import type { ImageLayout } from "./dockerfile-layout.ts";
import { hostPlatform } from "./host-binaries.ts";
import { metadataImagePaths } from "./metadata-paths.ts";
import type { ExtensionFolder } from "./extension-folder.ts";

/**
 * Why folder mode cannot serve this extension as its image would, or undefined when it can. Folder
 * mode runs what the Dockerfile copies from the folder; it has nothing a `RUN` makes (a backend
 * compiled in the build, a binary downloaded at build time) and runs no compose stack.
 */
export async function folderModeShortfall(folder: Omit<ExtensionFolder, "id">): Promise<string | undefined> {
  const { metadata, layout } = folder;
  if (metadata.vm !== undefined && "composefile" in metadata.vm)
    return "its backend is a compose stack (vm.composefile), which only its image runs";
  const platform = hostPlatform() ?? "linux";
  for (const { field, value } of metadataImagePaths(metadata)) {
    if (field.startsWith("host.") && !field.includes(`].${platform}[`)) continue;
    let imagePath: string;
    try {
      imagePath = imagePathFromMetadata(value, field);
    } catch {
      continue; // a path that leaves the image root is a problem of its own, reported elsewhere
    }
    if ((await containedHostPath(layout, imagePath)) === undefined && !impliedFolder(layout, imagePath))
      return (
        needsBuild(layout, imagePath, field) ??
        `${field} (${imagePath}) is not a file the Dockerfile copies from the folder (a RUN step makes it?)`
      );
  }
  const program = layout.command?.[0];
  if (
    metadata.vm !== undefined &&
    program !== undefined &&
    program.startsWith("/") &&
    (await containedHostPath(layout, program)) === undefined &&
    !isSystemProgram(program)
  ) {
    return `its VM service runs ${program}, which the Dockerfile does not copy from the folder (a RUN step makes it?)`;
  }
  return undefined;
}

/** What to say when the Dockerfile copies `imagePath` from another stage or image, which only a build makes. */
function needsBuild(layout: ImageLayout, imagePath: string, field: string): string | undefined {
  const entry = builtOnly(layout, imagePath);
  if (entry === undefined) return undefined;
  const from =
    entry.fromStage === undefined ? "another image" : `stage ${entry.fromStage.name ?? String(entry.fromStage.index)}`;
  return `${field} (${imagePath}) comes from ${from} (Dockerfile line ${String(entry.line)}), not from the folder: it needs a build`;
}

/** Programs every base image has; a CMD that starts with one runs in folder mode on this machine's copy. */
function isSystemProgram(path: string): boolean {
  return /^\/(usr\/)?(local\/)?s?bin\/[^/]+$/.test(path);
}
