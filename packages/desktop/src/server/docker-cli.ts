import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { DesktopHostError } from "./errors.ts";
import type { ExecOptionsRequest, ProcessSpec } from "./vm-runtime.ts";

const run = promisify(execFile);

/** The docker client: DEXT_DOCKER_CLI, Debian's /usr/bin/docker when present (it has BuildKit), else `docker` on PATH. */
export function dockerCliPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DEXT_DOCKER_CLI ?? (existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker");
}

/** Runs the docker client with an argument array (no shell) and resolves its stdout; failures name the command and its stderr. */
export async function docker(args: string[], options: { timeoutMs?: number } = {}): Promise<string> {
  try {
    const { stdout } = await run(dockerCliPath(), args, {
      encoding: "utf8",
      env: { ...process.env, DOCKER_BUILDKIT: "1" },
      maxBuffer: 64 * 1024 * 1024,
      timeout: options.timeoutMs ?? 120_000,
    });
    return stdout;
  } catch (cause) {
    const failed = cause as { stderr?: string; message: string; code?: string | number };
    const detail =
      failed.code === "ENOENT" ? `no docker client at ${dockerCliPath()}` : failed.stderr?.trim() || failed.message;
    throw new DesktopHostError("image_failed", `docker ${args.join(" ")}: ${detail}`, { cause });
  }
}

/**
 * `vm.cli.exec` in a VM service's container, as Desktop runs it: `docker exec` with the page's
 * `cwd` as `--workdir` and each `env` entry as `--env NAME=VALUE`, always with its value, since a
 * bare `--env NAME` would copy this machine's value of NAME into the container.
 */
export function dockerExecSpec(
  container: string,
  cmd: string,
  args: string[],
  options: ExecOptionsRequest = { cwd: undefined, env: {} },
): ProcessSpec {
  const flags = [
    ...(options.cwd === undefined ? [] : [`--workdir=${options.cwd}`]),
    ...Object.entries(options.env).map(([name, value]) => `--env=${name}=${value}`),
  ];
  return {
    file: dockerCliPath(),
    args: ["exec", ...flags, container, cmd, ...args],
    cwd: undefined,
    env: process.env,
    dockerExec: true,
  };
}
