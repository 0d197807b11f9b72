import { constants } from "node:fs";
import { chmod, copyFile, mkdir } from "node:fs/promises";
import { imagePathFromMetadata, isRegularFile } from "./contained-path.ts";
import { basename, join } from "node:path";
import { machineEnvironment, machineWorkingFolder } from "./exec-environment.ts";
import { missingCommand } from "./exec-stream.ts";
import type { ExtensionMetadata, HostPlatform } from "@dext/metadata";
import type { ExecOptionsRequest, ExecStartFailure, ProcessSpec } from "./vm-runtime.ts";

export function hostPlatform(platform: NodeJS.Platform = process.platform): HostPlatform | undefined {
  if (platform === "darwin") return "darwin";
  if (platform === "win32") return "windows";
  if (platform === "linux") return "linux";
  return undefined;
}

export interface InstalledBinaries {
  dir: string;
  names: string[];
  problems: string[];
}

/**
 * Copies the host binaries for this OS out of the extension (Desktop copies them out of the
 * image) into a private folder, executable. The Dockerfile chooses the CPU's file per TARGETARCH,
 * so the layout was read with this machine's architecture.
 */
export async function installHostBinaries(
  metadata: ExtensionMetadata,
  resolveImagePath: (path: string) => Promise<string | undefined>,
  dir: string,
): Promise<InstalledBinaries> {
  const platform = hostPlatform();
  const installed: InstalledBinaries = { dir, names: [], problems: [] };
  if (platform === undefined) return installed;
  await mkdir(dir, { recursive: true });
  for (const group of metadata.host?.binaries ?? []) {
    for (const binary of group[platform] ?? []) {
      let imagePath;
      try {
        imagePath = imagePathFromMetadata(binary.path, "host.binaries[].path");
      } catch {
        continue; // reported once with the other metadata paths
      }
      const source = await resolveImagePath(imagePath);
      // A regular file only: a FIFO would hang the copy and a device would fill the disk.
      if (source === undefined || !(await isRegularFile(source))) {
        installed.problems.push(
          `host binary ${binary.path}: the Dockerfile puts no file built on this machine there (build the extension first)`,
        );
        continue;
      }
      const name = basename(imagePath);
      const target = join(dir, name);
      // COPYFILE_EXCL: two binaries of one name never overwrite each other silently.
      const copied = await copyFile(source, target, constants.COPYFILE_EXCL).then(
        () => true,
        () => false,
      );
      if (!copied) {
        installed.problems.push(`host binary ${binary.path}: another host binary is already installed as ${name}`);
        continue;
      }
      await chmod(target, 0o755);
      installed.names.push(name);
    }
  }
  return installed;
}

/**
 * `host.cli.exec(name, args, options)`: only an installed binary, by file name, as in Desktop,
 * found in the install folder itself, so no PATH (the host's or one in `env`) chooses it; any
 * other name is a missing command. It runs in `cwd` (an existing folder on this machine) or, by
 * default, in the install folder, with this machine's environment and the page's `env`.
 */
export async function hostExecSpec(
  binaries: InstalledBinaries,
  name: string,
  args: string[],
  options: ExecOptionsRequest,
): Promise<ProcessSpec | ExecStartFailure> {
  const cwd = await machineWorkingFolder(options.cwd);
  if (!binaries.names.includes(name)) {
    return missingCommand(
      name,
      `host.cli.exec runs only the extension's host binaries; installed: ${binaries.names.join(", ") || "none"}`,
    );
  }
  return { file: join(binaries.dir, name), args, cwd: cwd ?? binaries.dir, env: machineEnvironment(options.env) };
}
