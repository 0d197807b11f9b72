import { lstat, mkdir, readdir, rm, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ImageLayout } from "./dockerfile-layout.js";

/**
 * A folder that looks like the image's filesystem: each file or folder the Dockerfile copies is a
 * symlink at its image path, pointing at its source on this machine. Commands then run there as
 * they would in the container (`./hello.sh` from WORKDIR `/`), without a build.
 */
export async function buildVirtualRoot(root: string, layout: ImageLayout): Promise<void> {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  // Shorter paths first, so a later, deeper copy can land inside a folder an earlier one created.
  const entries = [...layout.entries].sort((a, b) => a.imagePath.length - b.imagePath.length);
  for (const entry of entries) {
    if (entry.imagePath === "/") {
      for (const name of await readdir(entry.hostPath)) await link(join(entry.hostPath, name), join(root, name));
      continue;
    }
    await link(entry.hostPath, join(root, entry.imagePath));
  }
  await mkdir(join(root, layout.workdir), { recursive: true });
}

async function link(target: string, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const existing = await lstat(path).catch(() => undefined);
  // A later COPY to the same path wins, as the later layer does in the image.
  if (existing !== undefined) await rm(path, { recursive: true, force: true });
  await symlink(target, path);
}

/** A path as the container would see it, made into a path on this machine inside the virtual root. */
export function inVirtualRoot(root: string, imagePath: string): string {
  return join(root, imagePath);
}
