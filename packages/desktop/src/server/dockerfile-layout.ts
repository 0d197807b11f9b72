import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, join, posix, resolve } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import type { Instruction } from "dockerfile-ast";
import { DesktopHostError } from "./errors.js";
import { expandVariables, splitShellWords } from "./shell-words.js";

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

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function instructionFlags(instruction: Instruction): [string, string][] {
  const withFlags = instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  return (withFlags.getFlags?.() ?? []).map((flag) => [flag.getName(), flag.getValue() ?? ""]);
}

function stageSourceToHost(stage: Stage, path: string): string | undefined {
  // Later copies win, as later layers do in the image.
  for (const entry of [...stage.entries].reverse()) {
    if (entry.imagePath === "/") return join(entry.hostPath, path);
    if (path === entry.imagePath || path.startsWith(`${entry.imagePath}/`)) {
      return join(entry.hostPath, path.slice(entry.imagePath.length));
    }
  }
  return undefined;
}

/**
 * Reads a Dockerfile and says, for the final stage, which file of the build context (or of an
 * earlier stage that copied the context and built in place) lands where in the image. Files a
 * `RUN` creates elsewhere cannot be known without building, and are simply absent.
 */
export async function readImageLayout(dockerfilePath: string, contextDir: string, buildArgs: Record<string, string> = {}): Promise<ImageLayout> {
  let text: string;
  try {
    text = await readFile(dockerfilePath, "utf8");
  } catch (cause) {
    throw new DesktopHostError("dockerfile_unreadable", `Cannot read ${dockerfilePath}`, { cause });
  }
  const stages: Stage[] = [];
  const args = new Map<string, string>(Object.entries(buildArgs));
  let stage: Stage | undefined;
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const keyword = instruction.getKeyword();
    const line = instruction.getRange().start.line + 1;
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
    } else if (keyword === "ENV") {
      const words = splitShellWords(content);
      const pairs = words.some((word) => word.includes("=")) ? words.map((word) => word.split(/=(.*)/s)) : [[words[0], words.slice(1).join(" ")]];
      for (const [name, value] of pairs) if (name !== undefined) stage.env.set(name, expandVariables(value ?? "", vars));
    } else if (keyword === "CMD") {
      stage.cmd = execOrShellForm(content);
    } else if (keyword === "ENTRYPOINT") {
      stage.entrypoint = execOrShellForm(content);
    } else if (keyword === "COPY" || keyword === "ADD") {
      const trimmed = content.trim();
      // The parser keeps flags (--from, --chmod) out of the arguments and hands them over apart.
      const flags = new Map(instructionFlags(instruction));
      const words = trimmed.startsWith("[") ? (JSON.parse(trimmed) as string[]) : splitShellWords(trimmed);
      const expanded = words.map((word) => expandVariables(word, vars));
      const dest = expanded.pop();
      if (dest === undefined || expanded.length === 0) continue;
      const from = flags.get("from");
      const source = from === undefined ? undefined : stages.find((s) => s.name === expandVariables(from, vars));
      if (from !== undefined && source === undefined) continue; // an external image: nothing on this machine
      const base = posix.resolve(stage.workdir, dest);
      const intoFolder = dest.endsWith("/") || expanded.length > 1;
      for (const src of expanded) {
        const hostPath = source === undefined ? resolve(contextDir, src) : stageSourceToHost(source, posix.resolve(source.workdir, src));
        if (hostPath === undefined) continue;
        // A folder source copies its contents; a file copied into a folder keeps its name.
        const imagePath = intoFolder && !isDirectory(hostPath) ? posix.join(base, posix.basename(src)) : base;
        stage.entries.push({ imagePath, hostPath, line });
      }
    }
  }
  const last = stages.at(-1);
  if (last === undefined) throw new DesktopHostError("dockerfile_invalid", `${dockerfilePath} has no FROM instruction`);
  const command = last.entrypoint !== undefined || last.cmd !== undefined ? [...(last.entrypoint ?? []), ...(last.cmd ?? [])] : undefined;
  return { entries: last.entries, workdir: last.workdir, env: Object.fromEntries(last.env), command };
}

/** The machine path that stands for `imagePath`, when some copy puts something there. */
export function hostPathFor(layout: ImageLayout, imagePath: string): string | undefined {
  const absolute = isAbsolute(imagePath) ? posix.normalize(imagePath) : posix.resolve(layout.workdir, imagePath);
  return stageSourceToHost({ name: undefined, workdir: "/", env: new Map(), entries: layout.entries, cmd: undefined, entrypoint: undefined }, absolute);
}
