import { readFile } from "node:fs/promises";
import { basename, delimiter, join } from "node:path";
import { LogBuffer } from "./log-buffer.ts";
import type { Logger } from "@dext/backend";
import type { ChildProcess } from "node:child_process";
import type { ProcessGroups } from "./process-group.ts";

/** The package.json script dev mode runs to rebuild an extension's backend on change (esbuild's watch, say). */
export const watchScriptName = "watch:backend";

/** What esbuild's --watch prints once a build is written (its first one included). */
const firstBuildDone = /build finished/i;

export interface WatchScript {
  child: ChildProcess;
  /** Settles when the script reports its first build done (esbuild: "build finished") or exits. */
  firstBuild: Promise<void>;
}

/** A VM command dev mode can restart on change: one Node runs. */
export function isNodeCommand(command: readonly string[]): boolean {
  return command.length > 1 && basename(command[0] ?? "") === "node";
}

/**
 * Loaded into the backend before its own code: when the host's end of its stdin closes (the host
 * ended, even killed), it ends its whole process group, Node's watcher included, so no backend
 * outlives a host that could not stop it. unref: it never keeps a backend alive by itself.
 */
const endWithHost = `data:text/javascript,${encodeURIComponent("process.stdin.on('end', () => process.kill(0, 'SIGTERM')); process.stdin.on('error', () => {}); process.stdin.resume(); process.stdin.unref?.();")}`;

/**
 * `node <args>` under Node's watch mode, which restarts it when its entry or any module it loaded
 * changes, ending with the host (run it with a stdin pipe from the host).
 */
export function withNodeWatch(args: readonly string[]): string[] {
  return [...(args.includes("--watch") ? [] : ["--watch"]), "--import", endWithHost, ...args];
}

/** The script a node command runs (its first argument that is not an option), as an image path. */
export function nodeEntry(command: readonly string[]): string | undefined {
  return command.slice(1).find((arg) => !arg.startsWith("-"));
}

/**
 * Runs the extension folder's `watch:backend` script, as a package manager runs a script (through
 * sh, the folder's node_modules/.bin first on PATH), so its bundle is rebuilt on every change.
 * Resolves to undefined when the folder's package.json has no such script.
 */
export async function startWatchScript(
  folder: string,
  groups: ProcessGroups,
  logger: Logger,
): Promise<WatchScript | undefined> {
  const text = await readFile(join(folder, "package.json"), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  let script: unknown;
  try {
    script = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts?.[watchScriptName];
  } catch {
    return undefined;
  }
  if (typeof script !== "string") return undefined;
  logger.info(`dev: running ${watchScriptName}: ${script}`);
  // stdin is a pipe from the host: esbuild's --watch ends when it closes, so the watcher ends with the host.
  const child = groups.spawn(
    {
      file: "/bin/sh",
      args: ["-c", script],
      cwd: folder,
      env: { ...process.env, PATH: [join(folder, "node_modules", ".bin"), process.env.PATH ?? ""].join(delimiter) },
    },
    "pipe",
  );
  let built: () => void = () => {};
  const firstBuild = new Promise<void>((resolve) => (built = resolve));
  const logs = new LogBuffer(50, (line) => {
    logger.info(`${watchScriptName}: ${line}`);
    if (firstBuildDone.test(line)) built();
  });
  child.stdout?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  child.once("exit", (code, signal) => {
    built();
    logger.info(`${watchScriptName} exited with ${signal ?? `code ${code ?? "?"}`}`);
  });
  return { child, firstBuild };
}
