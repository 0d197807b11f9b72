import { runDocker } from "@dext/desktop-facts/node";
import type { ProgramOutput } from "@dext/desktop-facts/node";

/**
 * Runs the docker client this machine stands in for Desktop's with (`dockerCliPath()` of
 * `@dext/desktop-facts/node`), BuildKit on, arguments as they are; a failure names the command and
 * ends with its output. The shape image tests call: `docker(["image", "inspect", ref])`.
 */
export function docker(args: readonly string[], timeoutMs = 60_000): Promise<ProgramOutput> {
  return runDocker(args, { timeoutMs });
}

/** Where the docker client looks for the engine, for a test's skip or failure message. */
export function describeDockerHost(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.DOCKER_HOST;
  return host === undefined || host === "" ? "(unset: the client's default)" : host;
}

/** A name no other run of these tests uses, for images, volumes, containers and compose projects. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
