import { execFile } from "node:child_process";
import type { ToolLine } from "../shared/doctor-report.ts";

/** How each tool reports its version. kubectl's plain `--version` is an error on recent releases. */
const VERSION_ARGS: Record<string, string[]> = {
  docker: ["--version"],
  kubectl: ["version", "--client"],
  git: ["--version"],
  node: ["--version"],
};

export interface ProbeOptions {
  /** A tool that hangs (a credential prompt, a dead network mount) must not hang the doctor. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs a tool's version command (no shell) and reports whether it is installed and which version. */
export function probeTool(name: string, options: ProbeOptions = {}): Promise<ToolLine> {
  const args = VERSION_ARGS[name] ?? ["--version"];
  return new Promise((resolve) => {
    execFile(
      name,
      args,
      { timeout: options.timeoutMs ?? 5_000, env: options.env ?? process.env, windowsHide: true },
      (error, stdout, stderr) => {
        const firstLine =
          `${stdout}\n${stderr}`
            .split(/\r?\n/)
            .map((line) => line.trim())
            .find((line) => line !== "") ?? "";
        if (error !== null) {
          const notFound = (error as NodeJS.ErrnoException).code === "ENOENT";
          if (notFound) {
            resolve({ type: "tool", name, found: false, detail: "not found on PATH" });
            return;
          }
          const reason = error.killed
            ? `no answer within ${String(options.timeoutMs ?? 5_000)} ms`
            : firstLine || error.message;
          resolve({
            type: "tool",
            name,
            found: true,
            detail: `installed, but \`${[name, ...args].join(" ")}\` failed: ${reason}`,
          });
          return;
        }
        const version = /\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?/.exec(firstLine)?.[0];
        resolve({ type: "tool", name, found: true, ...(version === undefined ? {} : { version }), detail: firstLine });
      },
    );
  });
}
