import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import { isDirectory, matchContext } from "./build-context.ts";
import { isRemoteSource, readCopy } from "./copy-instruction.ts";
import type { CopyInstruction } from "./copy-instruction.ts";
import { inheritedSteps } from "./dockerfile-model.ts";
import type { DockerfileModel, Stage, Step } from "./dockerfile-model.ts";

/** Something a COPY or ADD puts at `target` in the final image. */
export interface ImageEntry {
  target: string;
  /** "unknown" for copies from another stage, URLs and archives: it may be a file or a folder. */
  kind: "file" | "dir" | "unknown";
  /** For a folder copied from the build context: that folder on this machine. */
  hostDir?: string;
  /** For a file copied from the build context: that file on this machine. */
  hostFile?: string;
  line: number;
  /** The stage a `--from` copy reads, when it names one of this Dockerfile. */
  fromStage?: Stage;
}

export interface ImageContents {
  entries: ImageEntry[];
  /** RUN steps of the final stage and its parents, which may create files too. */
  runSteps: Step[];
}

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz)$/i;

/** Everything the final stage (with the stages it is built FROM) copies into the image. */
export function imageContents(model: DockerfileModel, context: string): ImageContents {
  const final = model.stages.at(-1);
  const contents: ImageContents = { entries: [], runSteps: [] };
  if (final === undefined) return contents;
  for (const step of inheritedSteps(final)) {
    if (step.keyword === "RUN") contents.runSteps.push(step);
    const copy = readCopy(step, model.escapeChar);
    if (copy !== undefined) addEntries(copy, model, context, contents);
  }
  return contents;
}

function addEntries(copy: CopyInstruction, model: DockerfileModel, context: string, contents: ImageContents): void {
  const { dest, destIsDir, line } = copy;
  const into = (name: string): string => posix.join(dest, name);
  for (const name of copy.heredocs)
    contents.entries.push({ target: destIsDir ? into(name) : dest, kind: "file", line });

  if (copy.from !== undefined) {
    const fromStage = findStage(model, copy.from);
    // A path in another stage or image may be a file or a folder: trust anything at or under dest.
    contents.entries.push(
      fromStage === undefined
        ? { target: dest, kind: "unknown", line }
        : { target: dest, kind: "unknown", line, fromStage },
    );
    return;
  }
  for (const source of copy.sources) {
    if (isRemoteSource(source) || (copy.keyword === "ADD" && ARCHIVE.test(source))) {
      contents.entries.push({ target: dest, kind: "unknown", line });
      continue;
    }
    const matches = matchContext(context, source);
    if (matches.length === 0) {
      // Reported by missingSources; "unknown" keeps the same mistake from being reported twice.
      contents.entries.push({ target: dest, kind: "unknown", line });
      continue;
    }
    const several = destIsDir || matches.length > 1;
    for (const match of matches) {
      const hostPath = join(context, match);
      if (isDirectory(hostPath)) {
        // COPY of a folder copies its contents into dest, not the folder itself.
        contents.entries.push({ target: dest, kind: "dir", hostDir: hostPath, line });
      } else {
        const target = several ? into(posix.basename(match)) : dest;
        contents.entries.push({ target, kind: "file", hostFile: hostPath, line });
        // `COPY file /existing-folder` lands inside the folder; without the image at hand, accept both.
        if (!several)
          contents.entries.push({ target: into(posix.basename(match)), kind: "file", hostFile: hostPath, line });
      }
    }
  }
}

/** COPY and ADD sources of every stage that the build context lacks: each fails the build. */
export function missingSources(model: DockerfileModel, context: string): { source: string; line: number }[] {
  return model.stages.flatMap((stage) =>
    stage.steps.flatMap((step) => {
      const copy = readCopy(step, model.escapeChar);
      if (copy === undefined || copy.from !== undefined) return [];
      return copy.sources
        .filter((source) => !isRemoteSource(source) && matchContext(context, source).length === 0)
        .map((source) => ({ source, line: copy.line }));
    }),
  );
}

function findStage(model: DockerfileModel, from: string): Stage | undefined {
  const byIndex = /^\d+$/.test(from) ? model.stages[Number(from)] : undefined;
  return byIndex ?? model.stages.find((stage) => stage.name === from.toLowerCase());
}

/** The entry that puts `path` into the image, if any. */
export function entryFor(contents: ImageContents, path: string): ImageEntry | undefined {
  const target = posix.resolve("/", path);
  for (const entry of [...contents.entries].reverse()) {
    if (entry.target === target) return entry;
    const prefix = entry.target === "/" ? "/" : `${entry.target}/`;
    if (!target.startsWith(prefix) || entry.kind === "file") continue;
    if (entry.hostDir === undefined || existsSync(join(entry.hostDir, target.slice(prefix.length)))) return entry;
  }
  return undefined;
}

/** A RUN step that seems to create `path`: it names the path, or its folder and its file name. */
export function runStepFor(contents: ImageContents, path: string): Step | undefined {
  const target = posix.resolve("/", path);
  const folder = posix.dirname(target);
  const name = posix.basename(target);
  return contents.runSteps.find((step) => {
    const text = step.instruction.getArgumentsContent() ?? "";
    return text.includes(target) || (folder !== "/" && text.includes(folder) && text.includes(name));
  });
}
