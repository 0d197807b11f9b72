import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** The repository root: the sample's Dockerfile builds from there. */
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const sampleDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Debian's client at /usr/bin/docker builds with BuildKit; a client in /usr/local/bin without
 * buildx falls back to the legacy builder, which rejects `FROM --platform=$BUILDPLATFORM`.
 * DEXT_DOCKER_CLI overrides.
 */
export const dockerCli = process.env.DEXT_DOCKER_CLI ?? (existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker");

const execFileAsync = promisify(execFile);

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/** Runs a command with arguments as they are (no shell); rejects with the end of its output. */
export async function run(
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CommandResult> {
  try {
    return await execFileAsync(file, [...args], {
      env: { ...process.env, DOCKER_BUILDKIT: "1", ...options.env },
      cwd: options.cwd,
      maxBuffer: 64 * 1024 * 1024,
      timeout: options.timeoutMs ?? 60_000,
      encoding: "utf8",
    });
  } catch (error) {
    const failed = error as Error & Partial<CommandResult> & { code?: number | string };
    const output = `${failed.stderr ?? ""}${failed.stdout ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`${file} ${args.join(" ")} failed (exit ${String(failed.code)}):\n${output}`, { cause: error });
  }
}

export function docker(args: readonly string[], timeoutMs = 60_000): Promise<CommandResult> {
  return run(dockerCli, args, { timeoutMs });
}

/** The engine's version, or undefined when no engine answers at DOCKER_HOST. */
export async function engineVersion(): Promise<string | undefined> {
  return docker(["info", "--format", "{{.ServerVersion}}"], 15_000).then(
    ({ stdout }) => stdout.trim() || undefined,
    () => undefined,
  );
}

/** The engine's socket on this machine, for clients that speak the Engine API directly. */
export function engineSocketPath(dockerHost = process.env.DOCKER_HOST): string {
  if (dockerHost === undefined || dockerHost === "") return "/var/run/docker.sock";
  if (!dockerHost.startsWith("unix://"))
    throw new Error(`These tests need the engine on a Unix socket, not DOCKER_HOST=${dockerHost}`);
  return dockerHost.slice("unix://".length);
}

/** Docker Compose v1 (Debian's docker-compose), when installed; the tests use its CLI. */
export const composeCli = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"].find((path) => existsSync(path));

/** A name no other run of these tests uses, for volumes, containers and compose projects. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
