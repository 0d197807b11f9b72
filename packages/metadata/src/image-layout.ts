import { lstatSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { isDirectory, matchContext } from "./build-context.ts";
import { isRemoteSource, readCopy } from "./copy-instruction.ts";
import type { CopyInstruction } from "./copy-instruction.ts";
import { stageChain } from "./dockerfile-model.ts";
import type { DockerfileModel, Stage } from "./dockerfile-model.ts";
import { stageCommand } from "./image-command.ts";
import { isImageFolder } from "./image-folders.ts";

/** Something a COPY or ADD puts into the image, and where it comes from. */
export interface LandedEntry {
  /** Absolute path in the image where a file lands, or where a folder's contents land. */
  imagePath: string;
  /**
   * "dir": a folder whose contents land at imagePath. "unknown": only the build knows (a path of
   * another stage that this machine does not have, an image's path, a URL, an archive ADD unpacks,
   * a source the build context lacks): trusted to hold anything at or under imagePath.
   */
  kind: "file" | "dir" | "unknown";
  /** Where it comes from: the build context, another stage (`--from`), an image, a URL, a here-document. */
  origin: "context" | "stage" | "image" | "remote" | "heredoc";
  /** The source as the instruction names it, after substitution. */
  source: string;
  /**
   * The file or folder on this machine that stands for it: a context source, or a stage's path
   * that the stage copied from the context (and built in place). Absent when only a build makes it.
   */
  hostPath?: string;
  /** Dockerfile line (1-based) of the COPY or ADD. */
  line: number;
  /** The `--chmod` value as written (after substitution), e.g. "0755". */
  mode?: string;
  /** The stage a `--from` copy reads, when it names one of this Dockerfile. */
  fromStage?: Stage;
}

/** The final image as the Dockerfile builds it: its files, working folder, environment and command. */
export interface ImageLayout {
  /** In build order; a later entry wins over an earlier one at the same path, as a later layer does. */
  entries: LandedEntry[];
  workdir: string;
  /** ENV in effect in the final stage, inherited through `FROM <stage>`. */
  env: Record<string, string>;
  /** ENTRYPOINT + CMD (stageCommand), or undefined when the Dockerfile sets neither. */
  command: string[] | undefined;
}

/** The entry that puts `imagePath` into the image, and the machine path that stands for it there. */
export interface Landing {
  entry: LandedEntry;
  /** Undefined when only the build makes it (an "unknown" entry). */
  hostPath: string | undefined;
}

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz)$/i;
const WILDCARD = /[*?[]/;

/**
 * Which file of the build context lands where in the final image (with the stages it is built
 * FROM), for the platform the model was read for. `dext validate` checks metadata.json's paths
 * against these entries and the local Desktop host serves and runs the same ones, so the two
 * cannot disagree about where a file lands.
 */
export function imageLayout(model: DockerfileModel, context: string): ImageLayout {
  const final = model.stages.at(-1);
  if (final === undefined) return { entries: [], workdir: "/", env: {}, command: undefined };
  const layouts = new Map<Stage, LandedEntry[]>();
  return {
    entries: stageEntries(final, { model, context, layouts }),
    workdir: final.endWorkdir,
    env: final.endScope.environment(),
    command: stageCommand(final),
  };
}

interface Reading {
  model: DockerfileModel;
  context: string;
  /** Each stage's entries once read, so every `--from` reads a stage once. */
  layouts: Map<Stage, LandedEntry[]>;
}

function stageEntries(stage: Stage, reading: Reading): LandedEntry[] {
  const known = reading.layouts.get(stage);
  if (known !== undefined) return known;
  const entries = stage.parent === undefined ? [] : [...stageEntries(stage.parent, reading)];
  // Recorded before reading, so a `--from` that loops back sees what is known so far instead of recursing.
  reading.layouts.set(stage, entries);
  const workdirs = stageChain(stage).flatMap(workdirsOf);
  const scratch = stageChain(stage).at(-1)?.base.toLowerCase() === "scratch";
  for (const step of stage.steps) {
    const copy = readCopy(step, reading.model.escapeChar);
    if (copy === undefined) continue;
    const isFolder = (path: string) => isImageFolder(path, { entries, workdirs, scratch, before: step.line });
    for (const entry of landedEntries(copy, reading, isFolder))
      entries.push(copy.mode === undefined ? entry : { ...entry, mode: copy.mode });
  }
  return entries;
}

/** The folders the stage's WORKDIR instructions make, with the line of each. */
function workdirsOf(stage: Stage): { path: string; line: number }[] {
  return stage.steps.flatMap((step, index) =>
    step.keyword === "WORKDIR" ? [{ path: stage.steps[index + 1]?.workdir ?? stage.endWorkdir, line: step.line }] : [],
  );
}

function landedEntries(copy: CopyInstruction, reading: Reading, isFolder: (path: string) => boolean): LandedEntry[] {
  const { dest, destIsDir, line } = copy;
  const into = (name: string): string => posix.join(dest, name);
  const landed: LandedEntry[] = copy.heredocs.map((name) => ({
    imagePath: destIsDir ? into(name) : dest,
    kind: "file",
    origin: "heredoc",
    source: name,
    line,
  }));
  /**
   * A file or folder on this machine, named `name` where the copy reads it: a folder's contents land
   * at dest; a file lands in dest, keeping its name, when dest is a folder.
   */
  const onHost = (
    hostPath: string,
    name: string,
    several: boolean,
    base: Omit<LandedEntry, "imagePath" | "kind">,
  ): LandedEntry => {
    if (isDirectory(hostPath)) return { ...base, imagePath: dest, kind: "dir", hostPath };
    const intoFolder = several || isFolder(dest);
    return { ...base, imagePath: intoFolder ? into(name) : dest, kind: "file", hostPath };
  };

  if (copy.from !== undefined) {
    const fromStage = findStage(reading.model, copy.from);
    for (const source of copy.sources) {
      if (fromStage === undefined) {
        landed.push({ imagePath: dest, kind: "unknown", origin: "image", source, line });
        continue;
      }
      // BuildKit reads a `--from` source from the stage's root, whatever its WORKDIR.
      const stagePath = posix.resolve("/", source);
      const found = WILDCARD.test(source) ? undefined : landingAt(stageEntries(fromStage, reading), stagePath);
      const hostPath = found?.hostPath;
      const base = { origin: "stage" as const, source, line, fromStage };
      landed.push(
        hostPath === undefined || !exists(hostPath)
          ? { ...base, imagePath: dest, kind: "unknown" }
          : onHost(hostPath, posix.basename(stagePath), destIsDir, base),
      );
    }
    return landed;
  }

  for (const source of copy.sources) {
    if (isRemoteSource(source)) {
      landed.push({ imagePath: dest, kind: "unknown", origin: "remote", source, line });
      continue;
    }
    const base = { origin: "context" as const, source, line };
    // ADD unpacks a local archive: which files land, only the archive says.
    if (copy.keyword === "ADD" && ARCHIVE.test(source)) {
      landed.push({ ...base, imagePath: dest, kind: "unknown" });
      continue;
    }
    const matches = matchContext(reading.context, source);
    if (matches.length === 0) {
      // The build fails on it (missingSources says so); "unknown" keeps one mistake from being reported twice.
      const named = destIsDir && !WILDCARD.test(source) && posix.basename(source) !== "";
      landed.push({ ...base, imagePath: named ? into(posix.basename(source)) : dest, kind: "unknown" });
      continue;
    }
    for (const match of matches)
      landed.push(onHost(join(reading.context, match), posix.basename(match), destIsDir || matches.length > 1, base));
  }
  return landed;
}

function findStage(model: DockerfileModel, from: string): Stage | undefined {
  const byIndex = /^\d+$/.test(from) ? model.stages[Number(from)] : undefined;
  return byIndex ?? model.stages.find((stage) => stage.name === from.toLowerCase());
}

function exists(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined;
}

/**
 * The latest entry that puts something at `imagePath` (a later layer wins), and the machine path
 * that stands for it. A folder copied from the context merges with what is there: a file it lacks
 * comes from an earlier copy. An "unknown" entry, or a folder of another stage, is trusted to hold
 * anything under it, since only the build knows its contents.
 */
export function landingAt(entries: readonly LandedEntry[], imagePath: string): Landing | undefined {
  const target = posix.resolve("/", imagePath);
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if (entry === undefined) continue;
    if (entry.imagePath === target) return { entry, hostPath: entry.hostPath };
    if (entry.kind === "file") continue;
    const prefix = entry.imagePath === "/" ? "/" : `${entry.imagePath}/`;
    if (!target.startsWith(prefix)) continue;
    if (entry.hostPath === undefined) return { entry, hostPath: undefined };
    const hostPath = join(entry.hostPath, target.slice(prefix.length));
    if (entry.origin === "stage" || lstatSync(hostPath, { throwIfNoEntry: false }) !== undefined)
      return { entry, hostPath };
  }
  return undefined;
}
