import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** The repository root: sample Dockerfiles build from there. */
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * Debian's client at /usr/bin/docker builds with BuildKit; the client some machines carry in
 * /usr/local/bin has no buildx and falls back to the legacy builder, which rejects
 * `FROM --platform=$BUILDPLATFORM`. Elsewhere the `docker` on PATH is right. DEXT_DOCKER_CLI overrides.
 */
const dockerCli = process.env.DEXT_DOCKER_CLI ?? (existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker");

/** Where the client looks for the engine, for messages. */
export const dockerHost = process.env.DOCKER_HOST ?? "(unset: the client's default)";

const execFileAsync = promisify(execFile);

export interface DockerResult {
  stdout: string;
  stderr: string;
}

/** Runs the docker client with arguments passed as they are (no shell); rejects with its stderr. */
export async function docker(args: string[], timeoutMs = 60_000): Promise<DockerResult> {
  try {
    return await execFileAsync(dockerCli, args, {
      env: { ...process.env, DOCKER_BUILDKIT: "1" },
      maxBuffer: 64 * 1024 * 1024,
      timeout: timeoutMs,
      encoding: "utf8",
    });
  } catch (error) {
    const failed = error as Error & Partial<DockerResult> & { code?: number | string };
    const output = `${failed.stderr ?? ""}${failed.stdout ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`${dockerCli} ${args.join(" ")} failed (exit ${String(failed.code)}):\n${output}`, {
      cause: error,
    });
  }
}

/** The engine's version, or undefined when no engine answers at DOCKER_HOST. */
export async function engineVersion(): Promise<string | undefined> {
  return docker(["info", "--format", "{{.ServerVersion}}"], 15_000).then(
    ({ stdout }) => stdout.trim() || undefined,
    () => undefined,
  );
}
