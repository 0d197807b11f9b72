import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { containedHostPath } from "./dockerfile-layout.js";
import { metadataPathProblems } from "./metadata-paths.js";
import { loadExtensionFolder } from "./extension-folder.js";
import { startFolderVm } from "./folder-vm.js";
import { installHostBinaries } from "./host-binaries.js";
import type { ExtensionMetadata } from "@dext/metadata";
import type { InstalledBinaries } from "./host-binaries.js";
import type { ProcessGroups } from "./process-group.js";
import type { VmRuntime } from "./vm-runtime.js";

/** An extension as the host runs it: what Desktop would have after `docker extension install`. */
export interface InstalledExtension {
  id: string;
  title: string;
  /** The folder or image it came from. */
  source: string;
  image: string;
  metadata: ExtensionMetadata;
  /**
   * The real file on this machine that stands for a path in the image, if any, and only if it
   * stays inside what the Dockerfile (or the image) put there: symlinks out of it are not followed.
   */
  resolveImagePath(imagePath: string): Promise<string | undefined>;
  vm: VmRuntime | undefined;
  binaries: InstalledBinaries;
  problems: string[];
  stop(): Promise<void>;
}

export interface InstallOptions {
  id: string;
  /** A short private folder for this extension's state (virtual root, guest-services folder, host binaries). */
  stateDir: string;
  context?: string;
  /** Every process the host starts joins these, so stopping the host ends them all. */
  groups: ProcessGroups;
  log: (line: string) => void;
}

/** Installs an extension from its folder: reads it as the image it builds, starts its VM service, copies its host binaries. */
export async function installFromFolder(folder: string, options: InstallOptions): Promise<InstalledExtension> {
  const loaded = await loadExtensionFolder(folder, options.context === undefined ? {} : { context: options.context });
  await mkdir(options.stateDir, { recursive: true });
  const resolveImagePath = (imagePath: string) => containedHostPath(loaded.layout, imagePath);
  const problems = metadataPathProblems(loaded.metadata);
  const vm = loaded.metadata.vm === undefined ? undefined : await startFolderVm({ ...loaded, id: options.id }, { stateDir: options.stateDir, groups: options.groups, log: options.log });
  const binaries = await installHostBinaries(loaded.metadata, resolveImagePath, join(options.stateDir, "bin"));
  problems.push(...binaries.problems);
  if (loaded.metadata.vm !== undefined && "composefile" in loaded.metadata.vm) {
    problems.push("vm.composefile: folder mode runs no compose services; open the built image with a Docker engine instead");
  }
  return {
    id: options.id,
    title: loaded.metadata.ui?.["dashboard-tab"]?.title ?? options.id,
    source: loaded.layoutSource,
    image: `dext-local/${options.id}:dev`,
    metadata: loaded.metadata,
    resolveImagePath,
    vm,
    binaries,
    problems,
    stop: async () => {
      await vm?.stop();
    },
  };
}
