import { lstatSync, statSync } from "node:fs";
import { isAbsolute, join, posix } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import type { Instruction } from "dockerfile-ast";
import { realPathWithin } from "./contained-path.ts";
import { DesktopHostError } from "./errors.ts";
import { readRegularFile } from "./read-regular-file.ts";
import { expandVariables, splitShellWords } from "./shell-words.ts";

/** One file or folder the final image receives: where it lands, and where it comes from on this machine. */
export interface LayoutEntry {
  /** Absolute path in the image where the source (a file, or a folder's contents) lands. */
  imagePath: string;
  /** Absolute path on this machine. */
  hostPath: string;
  /** Dockerfile line (1-based), for messages. */
  line: number;
}

/** What the host needs to run an extension folder as its image would run. */
export interface ImageLayout {
  entries: LayoutEntry[];
  workdir: string;
  env: Record<string, string>;
  /** ENTRYPOINT + CMD of the final stage, exec form, or undefined when none. */
  command: string[] | undefined;
}

interface Stage {
  name: string | undefined;
  workdir: string;
  /** Folders this stage's WORKDIR instructions created (Docker creates each one). */
  workdirs: Set<string>;
  env: Map<string, string>;
  entries: LayoutEntry[];
  cmd: string[] | undefined;
  entrypoint: string[] | undefined;
}

function execOrShellForm(content: string): string[] {
  const trimmed = content.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) return parsed;
    } catch {
      // Docker treats a malformed JSON array as shell form; so do we.
    }
  }
  return ["/bin/sh", "-c", trimmed];
}

function execFormWords(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "string"))
    throw new SyntaxError("exec form must be a JSON array of strings");
  return parsed;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Folders every common base image has: a file copied onto one of them lands inside it. */
const baseImageFolders = new Set([
  "/",
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

/**
 * True when `path` is a folder in the image at this point of the build, so that `COPY file path`
 * puts the file inside it, as Docker does (`COPY metadata.json .` with WORKDIR / is /metadata.json):
 * a base image folder, a WORKDIR, or a folder an earlier copy made or filled.
 */
function isImageFolder(stage: Stage, path: string): boolean {
  if (baseImageFolders.has(path) || stage.workdirs.has(path)) return true;
  return stage.entries.some(
    (entry) =>
      entry.imagePath.startsWith(path === "/" ? "/" : `${path}/`) ||
      (entry.imagePath === path && isDirectory(entry.hostPath)),
  );
}

function instructionFlags(instruction: Instruction): [string, string][] {
  const withFlags = instruction as Instruction & {
    getFlags?: () => { getName(): string; getValue(): string | null }[];
  };
  return (withFlags.getFlags?.() ?? []).map((flag) => [flag.getName(), flag.getValue() ?? ""]);
}

/** The copy that puts something at `path` (the latest one: later layers win) and the machine path it stands for. */
function entryFor(entries: readonly LayoutEntry[], path: string): { entry: LayoutEntry; hostPath: string } | undefined {
  for (const entry of [...entries].reverse()) {
    if (path === entry.imagePath) return { entry, hostPath: entry.hostPath };
    const inside =
      entry.imagePath === "/"
        ? path.slice(1)
        : path.startsWith(`${entry.imagePath}/`)
          ? path.slice(entry.imagePath.length + 1)
          : undefined;
    if (inside === undefined) continue;
    // A folder copied over another merges with it: a file this copy does not have comes from an earlier one.
    const hostPath = join(entry.hostPath, inside);
    if (lstatSync(hostPath, { throwIfNoEntry: false }) !== undefined) return { entry, hostPath };
  }
  return undefined;
}

function stageSourceToHost(stage: Stage, path: string): string | undefined {
  return entryFor(stage.entries, path)?.hostPath;
}

/**
 * A COPY source in the build context. Docker reads sources relative to the context, absolute ones
 * too (`COPY /ui /ui` is the context's ui), and refuses any that climbs out of it with `..`.
 */
function contextSource(contextDir: string, src: string, where: string): string {
  let depth = 0;
  for (const part of src.split("/")) {
    if (part === "..") depth -= 1;
    else if (part !== "" && part !== ".") depth += 1;
    if (depth < 0)
      throw new DesktopHostError(
        "dockerfile_invalid",
        `${where}: COPY source ${src} is outside the build context ${contextDir}`,
      );
  }
  return join(contextDir, posix.normalize(`/${src}`));
}

/**
 * Reads a Dockerfile and says, for the final stage, which file of the build context (or of an
 * earlier stage that copied the context and built in place) lands where in the image. Files a
 * `RUN` creates elsewhere cannot be known without building, and are simply absent.
 */
export async function readImageLayout(
  dockerfilePath: string,
  contextDir: string,
  buildArgs: Record<string, string> = {},
): Promise<ImageLayout> {
  let text: string;
  try {
    text = await readRegularFile(dockerfilePath);
  } catch (cause) {
    throw new DesktopHostError(
      "dockerfile_unreadable",
      cause instanceof Error ? cause.message : `Cannot read ${dockerfilePath}`,
      { cause },
    );
  }
  const stages: Stage[] = [];
  const args = new Map<string, string>(Object.entries(buildArgs));
  let stage: Stage | undefined;
  let line = 0;
  try {
    for (const instruction of DockerfileParser.parse(text).getInstructions()) {
      const keyword = instruction.getKeyword();
      line = instruction.getRange().start.line + 1;
      const content = instruction.getArgumentsContent() ?? "";
      const vars = new Map([...args, ...(stage?.env ?? [])]);
      if (keyword === "ARG") {
        const [name, value] = content.trim().split(/=(.*)/s);
        if (name !== undefined && !args.has(name)) args.set(name, splitShellWords(value ?? "").join(" "));
        continue;
      }
      if (keyword === "FROM") {
        const words = splitShellWords(content);
        const from = stages.find((s) => s.name !== undefined && s.name === words[0]);
        stage = {
          name: words[1]?.toUpperCase() === "AS" ? words[2] : undefined,
          workdir: from?.workdir ?? "/",
          workdirs: new Set(from?.workdirs ?? []),
          env: new Map(from?.env ?? []),
          entries: [...(from?.entries ?? [])],
          cmd: from?.cmd,
          entrypoint: from?.entrypoint,
        };
        stages.push(stage);
        continue;
      }
      if (stage === undefined) continue;
      if (keyword === "WORKDIR") {
        stage.workdir = posix.resolve(stage.workdir, expandVariables(splitShellWords(content).join(" "), vars));
        stage.workdirs.add(stage.workdir);
      } else if (keyword === "ENV") {
        const words = splitShellWords(content);
        const pairs = words.some((word) => word.includes("="))
          ? words.map((word) => word.split(/=(.*)/s))
          : [[words[0], words.slice(1).join(" ")]];
        for (const [name, value] of pairs)
          if (name !== undefined) stage.env.set(name, expandVariables(value ?? "", vars));
      } else if (keyword === "CMD") {
        stage.cmd = execOrShellForm(content);
      } else if (keyword === "ENTRYPOINT") {
        stage.entrypoint = execOrShellForm(content);
      } else if (keyword === "COPY" || keyword === "ADD") {
        const trimmed = content.trim();
        // The parser keeps flags (--from, --chmod) out of the arguments and hands them over apart.
        const flags = new Map(instructionFlags(instruction));
        const words = trimmed.startsWith("[") ? execFormWords(trimmed) : splitShellWords(trimmed);
        const expanded = words.map((word) => expandVariables(word, vars));
        const dest = expanded.pop();
        if (dest === undefined || expanded.length === 0) continue;
        const from = flags.get("from");
        const source = from === undefined ? undefined : stages.find((s) => s.name === expandVariables(from, vars));
        if (from !== undefined && source === undefined) continue; // an external image: nothing on this machine
        const base = posix.resolve(stage.workdir, dest);
        const intoFolder =
          dest.endsWith("/") ||
          dest === "." ||
          dest.endsWith("/.") ||
          expanded.length > 1 ||
          isImageFolder(stage, base);
        for (const src of expanded) {
          const hostPath =
            source === undefined
              ? contextSource(contextDir, src, `${dockerfilePath}:${line}`)
              : stageSourceToHost(source, posix.resolve(source.workdir, src));
          if (hostPath === undefined) continue;
          // A folder source copies its contents; a file copied into a folder keeps its name.
          const imagePath = intoFolder && !isDirectory(hostPath) ? posix.join(base, posix.basename(src)) : base;
          stage.entries.push({ imagePath, hostPath, line });
        }
      }
    }
  } catch (cause) {
    if (cause instanceof DesktopHostError) throw cause;
    // Unterminated quotes, values that expand without bound, a malformed exec-form array.
    throw new DesktopHostError(
      "dockerfile_invalid",
      `${dockerfilePath}:${line}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const last = stages.at(-1);
  if (last === undefined) throw new DesktopHostError("dockerfile_invalid", `${dockerfilePath} has no FROM instruction`);
  const command =
    last.entrypoint !== undefined || last.cmd !== undefined
      ? [...(last.entrypoint ?? []), ...(last.cmd ?? [])]
      : undefined;
  return { entries: last.entries, workdir: last.workdir, env: Object.fromEntries(last.env), command };
}

function absoluteImagePath(layout: ImageLayout, imagePath: string): string {
  return isAbsolute(imagePath) ? posix.normalize(imagePath) : posix.resolve(layout.workdir, imagePath);
}

/** The machine path that stands for `imagePath`, when some copy puts something there (not checked on disk). */
export function hostPathFor(layout: ImageLayout, imagePath: string): string | undefined {
  return entryFor(layout.entries, absoluteImagePath(layout, imagePath))?.hostPath;
}

/**
 * The real machine path that stands for `imagePath`, only when it stays inside the file or
 * folder its COPY named: a symlink in the context that points elsewhere is not followed.
 */
export async function containedHostPath(layout: ImageLayout, imagePath: string): Promise<string | undefined> {
  const found = entryFor(layout.entries, absoluteImagePath(layout, imagePath));
  return found === undefined ? undefined : realPathWithin(found.hostPath, found.entry.hostPath);
}
