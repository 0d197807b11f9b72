import type { LandedEntry } from "./image-layout.ts";

/** Folders every common base image has (not scratch): a file copied onto one of them lands inside it. */
const BASE_IMAGE_FOLDERS: ReadonlySet<string> = new Set([
  "/bin",
  "/sbin",
  "/etc",
  "/home",
  "/lib",
  "/media",
  "/mnt",
  "/opt",
  "/root",
  "/run",
  "/srv",
  "/tmp",
  "/usr",
  "/usr/bin",
  "/usr/sbin",
  "/usr/lib",
  "/usr/local",
  "/usr/local/bin",
  "/usr/local/sbin",
  "/usr/local/lib",
  "/usr/share",
  "/var",
  "/var/lib",
  "/var/log",
  "/var/run",
  "/var/cache",
]);

export interface StageSoFar {
  /** What the stage (with the stages it is built FROM) copied before this instruction. */
  entries: readonly LandedEntry[];
  /** The folders its WORKDIR instructions made, with their lines. */
  workdirs: readonly { path: string; line: number }[];
  /** Built FROM scratch, which has no folder but `/`. */
  scratch: boolean;
  /** The line of the instruction asking. */
  before: number;
}

/**
 * Whether `path` is a folder in the image when an instruction runs, so that `COPY file path` puts
 * the file inside it, as Docker does (`COPY metadata.json /usr/local/bin` is
 * /usr/local/bin/metadata.json; `COPY metadata.json /extension.json` is a file of that name): `/`,
 * a base image folder, a folder a WORKDIR made, or one an earlier copy made or filled. The base
 * image's own folders beyond the common ones are not known without pulling it.
 */
export function isImageFolder(path: string, stage: StageSoFar): boolean {
  if (path === "/" || (!stage.scratch && BASE_IMAGE_FOLDERS.has(path))) return true;
  const inside = `${path}/`;
  if (
    stage.workdirs.some(
      (workdir) => workdir.line < stage.before && (workdir.path === path || workdir.path.startsWith(inside)),
    )
  )
    return true;
  return stage.entries.some(
    (entry) => entry.imagePath.startsWith(inside) || (entry.imagePath === path && entry.kind === "dir"),
  );
}
