import { imagePathFromMetadata, ImagePathError } from "./contained-path.ts";
import type { ExtensionMetadata } from "@dext/metadata";

/** Every image path metadata.json names, with the field it came from. */
export function metadataImagePaths(metadata: ExtensionMetadata): { field: string; value: string }[] {
  const paths: { field: string; value: string }[] = [];
  const tab = metadata.ui?.["dashboard-tab"];
  if (tab !== undefined) paths.push({ field: "ui.dashboard-tab.root", value: tab.root });
  if (metadata.icon !== undefined) paths.push({ field: "icon", value: metadata.icon });
  if (metadata.vm !== undefined && typeof metadata.vm.composefile === "string")
    paths.push({ field: "vm.composefile", value: metadata.vm.composefile });
  (metadata.host?.binaries ?? []).forEach((group, index) => {
    for (const [platform, binaries] of Object.entries(group)) {
      binaries.forEach((binary, at) =>
        paths.push({ field: `host.binaries[${index}].${platform}[${at}].path`, value: binary.path }),
      );
    }
  });
  return paths;
}

/** The problems to show for paths that leave the image root; the host then treats them as absent. */
export function metadataPathProblems(metadata: ExtensionMetadata): string[] {
  const problems: string[] = [];
  for (const { field, value } of metadataImagePaths(metadata)) {
    try {
      imagePathFromMetadata(value, field);
    } catch (error) {
      if (error instanceof ImagePathError) problems.push(error.message);
      else throw error;
    }
  }
  return problems;
}
