import { access, chmod, copyFile, mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ExtensionMetadata, HostPlatform } from "@dext/metadata";
import type { ProcessSpec } from "./vm-runtime.js";

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
  resolveImagePath: (path: string) => string | undefined,
  dir: string,
): Promise<InstalledBinaries> {
  const platform = hostPlatform();
  const installed: InstalledBinaries = { dir, names: [], problems: [] };
  if (platform === undefined) return installed;
  await mkdir(dir, { recursive: true });
  for (const group of metadata.host?.binaries ?? []) {
    for (const binary of group[platform] ?? []) {
      const source = resolveImagePath(binary.path);
      const ok = source !== undefined && (await access(source).then(() => true, () => false));
      if (!ok) {
        installed.problems.push(`host binary ${binary.path}: the Dockerfile puts nothing built on this machine there (build the extension first)`);
        continue;
      }
      const target = join(dir, basename(binary.path));
      await copyFile(source, target);
      await chmod(target, 0o755);
      installed.names.push(basename(binary.path));
    }
  }
  return installed;
}

/** `host.cli.exec(name, args)`: only an installed binary, by file name, as in Desktop; undefined for any other name. */
export function hostExecSpec(binaries: InstalledBinaries, name: string, args: string[]): ProcessSpec | undefined {
  if (!binaries.names.includes(name)) return undefined;
  return { file: join(binaries.dir, name), args, cwd: binaries.dir, env: process.env };
}
