import { realpath } from "node:fs/promises";
import { join } from "node:path";
import { normalizeVolumePath, volumePathProblem } from "../shared/volume-path.ts";
import { Refusal, errnoCode } from "./refusal.ts";

export interface Resolved {
  /** The path as the user names it, normalised: `""` is the volume's root. */
  readonly relative: string;
  /** The real path on disk, links resolved, checked to be inside the volume. */
  readonly real: string;
}

/**
 * Resolves a user's path inside the volume mounted at `root`. The path was checked by the backend
 * already; it is checked again here, and links are resolved, because a symbolic link in the volume
 * may point anywhere in the helper's own file system (`/etc`, `../../..`).
 */
export async function resolveInside(root: string, path: string): Promise<Resolved> {
  const problem = volumePathProblem(path);
  if (problem !== undefined) throw new Refusal("invalid_path", `The path ${problem}`);
  const relative = normalizeVolumePath(path);
  const realRoot = await realpath(root);
  let real: string;
  try {
    real = await realpath(join(realRoot, relative));
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new Refusal("not_found", `Nothing at /${relative} in this volume`);
    if (code === "ELOOP") throw new Refusal("unreadable", `/${relative} is a loop of symbolic links`);
    throw error;
  }
  if (real !== realRoot && !real.startsWith(`${realRoot}/`)) {
    throw new Refusal(
      "outside_volume",
      `/${relative} is a symbolic link that leads outside the volume; it is not followed`,
    );
  }
  return { relative, real };
}
