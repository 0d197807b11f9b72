import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { containedHostPath, labelRefusals } from "./dockerfile-layout.ts";
import { metadataPathProblems } from "./metadata-paths.ts";
import { loadExtensionFolder } from "./extension-folder.ts";
import { startFolderVm } from "./folder-vm.ts";
import { isNodeCommand, nodeEntry, startWatchScript, watchScriptName } from "./backend-watch.ts";
import { installHostBinaries } from "./host-binaries.ts";
import type { Logger } from "@dext/backend";
import type { ChildProcess } from "node:child_process";
import type { ExtensionMetadata } from "@dext/metadata";
import type { InstalledBinaries } from "./host-binaries.ts";
import type { ProcessGroups } from "./process-group.ts";
import type { VmRuntime } from "./vm-runtime.ts";

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
  /** The extension folder it was installed from (folder mode only): dev mode runs its Vite there. */
  folder?: string;
  stop(): Promise<void>;
}

export interface InstallOptions {
  id: string;
  /** A short private folder for this extension's state (virtual root, guest-services folder, host binaries). */
  stateDir: string;
  context?: string;
  /** Every process the host starts joins these, so stopping the host ends them all. */
  groups: ProcessGroups;
  logger: Logger;
  /** Dev mode (folder installs): the VM service restarts on change; see startFolderVm. */
  dev?: boolean;
}

type LoadedFolder = Awaited<ReturnType<typeof loadExtensionFolder>>;

/**
 * Dev mode: when the VM service is `node <bundle>`, starts the folder's `watch:backend` script and
 * waits for its first build, since the Dockerfile's copy of the bundle exists only once it is built
 * (the layout is read again until it does), and a bundle rewritten after Node started would restart it. Nothing happens for other commands or without the script.
 */
async function startBackendBuild(
  loaded: LoadedFolder,
  load: () => Promise<LoadedFolder>,
  options: InstallOptions,
): Promise<{ child: ChildProcess; loaded: LoadedFolder } | undefined> {
  const command = loaded.metadata.vm !== undefined && "image" in loaded.metadata.vm ? loaded.layout.command : undefined;
  const entry = command === undefined || !isNodeCommand(command) ? undefined : nodeEntry(command);
  if (entry === undefined) return undefined;
  const script = await startWatchScript(loaded.dir, options.groups, options.logger);
  if (script === undefined) return undefined;
  const { child } = script;
  // Its first build first, so Node does not start on an old bundle and restart right away; a
  // builder that says nothing recognisable gets 20 s, then only the entry's presence counts.
  await Promise.race([script.firstBuild, new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
  const deadline = Date.now() + 60_000;
  let current = loaded;
  while ((await containedHostPath(current.layout, entry)) === undefined) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      options.logger.warn(`dev: ${watchScriptName} has not built ${entry}; starting the VM service anyway`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    current = await load();
  }
  return { child, loaded: current };
}

/** Installs an extension from its folder: reads it as the image it builds, starts its VM service, copies its host binaries. */
export async function installFromFolder(folder: string, options: InstallOptions): Promise<InstalledExtension> {
  const load = () => loadExtensionFolder(folder, options.context === undefined ? {} : { context: options.context });
  let loaded = await load();
  const builder = options.dev === true ? await startBackendBuild(loaded, load, options) : undefined;
  if (builder !== undefined) loaded = builder.loaded;
  await mkdir(options.stateDir, { recursive: true });
  const resolveImagePath = (imagePath: string) => containedHostPath(loaded.layout, imagePath);
  const problems = metadataPathProblems(loaded.metadata);
  if (loaded.build !== undefined) problems.push(...labelRefusals(loaded.build.model));
  const vm =
    loaded.metadata.vm === undefined
      ? undefined
      : await startFolderVm(
          { ...loaded, id: options.id },
          { stateDir: options.stateDir, groups: options.groups, logger: options.logger, dev: options.dev === true },
        );
  const binaries = await installHostBinaries(loaded.metadata, resolveImagePath, join(options.stateDir, "bin"));
  problems.push(...binaries.problems);
  if (loaded.metadata.vm !== undefined && "composefile" in loaded.metadata.vm) {
    problems.push(
      "vm.composefile: folder mode runs no compose services; open the built image with a Docker engine instead",
    );
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
    folder: loaded.dir,
    stop: async () => {
      await vm?.stop();
      if (builder !== undefined) await options.groups.end(builder.child);
    },
  };
}
