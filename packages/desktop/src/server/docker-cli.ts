import { dockerCliPath, ProgramError, runDocker } from "@dext/desktop-facts/node";
import { DesktopHostError } from "./errors.ts";
import type { ExecOptionsRequest, ProcessSpec } from "./vm-runtime.ts";

/** Runs the docker client with an argument array (no shell) and resolves its stdout; failures name the command and its stderr. */
export async function docker(args: string[], options: { timeoutMs?: number } = {}): Promise<string> {
  try {
    return (await runDocker(args, { timeoutMs: options.timeoutMs ?? 120_000 })).stdout;
  } catch (cause) {
    const missing = cause instanceof ProgramError && cause.code === "program_missing";
    const stderr = cause instanceof ProgramError ? cause.stderr.trim() : "";
    const detail = missing
      ? `no docker client at ${dockerCliPath()}`
      : stderr || (cause instanceof Error ? cause.message : String(cause));
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
