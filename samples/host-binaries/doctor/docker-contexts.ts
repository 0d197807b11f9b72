import { execFile } from "node:child_process";
import type { ContextLine } from "../shared/doctor-report.ts";

interface RawContext {
  Name?: unknown;
  Current?: unknown;
  DockerEndpoint?: unknown;
}

/** The Docker CLI's contexts (`docker context ls`), or none when the CLI is missing or fails. */
export function listDockerContexts(env: NodeJS.ProcessEnv = process.env): Promise<ContextLine[]> {
  return new Promise((resolve) => {
    execFile(
      "docker",
      ["context", "ls", "--format", "{{json .}}"],
      { timeout: 5_000, env, windowsHide: true },
      (error, stdout) => {
        if (error !== null) {
          resolve([]);
          return;
        }
        resolve(parseContextLines(stdout));
      },
    );
  });
}

/** Each line of `docker context ls --format '{{json .}}'` is one context; lines that are not are skipped. */
export function parseContextLines(stdout: string): ContextLine[] {
  const contexts: ContextLine[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    let raw: RawContext;
    try {
      raw = JSON.parse(line) as RawContext;
    } catch {
      continue;
    }
    if (typeof raw.Name !== "string") continue;
    contexts.push({
      type: "context",
      name: raw.Name,
      current: raw.Current === true || raw.Current === "true",
      endpoint: typeof raw.DockerEndpoint === "string" ? raw.DockerEndpoint : "",
    });
  }
  return contexts;
}
