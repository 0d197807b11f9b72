import { existsSync } from "node:fs";

/**
 * The docker client that stands for Desktop's on this machine: DEXT_DOCKER_CLI when set, else
 * Debian's /usr/bin/docker when present, else `docker` on PATH. Debian's client builds with
 * BuildKit; the client some machines carry in /usr/local/bin has no buildx and falls back to the
 * legacy builder, which rejects `FROM --platform=$BUILDPLATFORM`. (tooling/docker/common.sh makes
 * the same choice for the shell scripts.)
 */
export function dockerCliPath(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.DEXT_DOCKER_CLI;
  if (chosen !== undefined && chosen !== "") return chosen;
  return existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker";
}

/** Where Docker Compose's command is installed: Debian's package, then the standalone download's usual place. */
const composeCliPlaces = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"];

/**
 * The Docker Compose command that runs an extension's `vm.composefile` stack in Desktop's place,
 * for the dext host and the image tests: DEXT_COMPOSE_CLI when set (a program taking compose's
 * arguments, a wrapper say), else Debian's /usr/bin/docker-compose (what
 * tooling/docker/install-engine.sh installs), else /usr/local/bin/docker-compose, when present,
 * else `docker-compose` on PATH.
 */
export function composeCliPath(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.DEXT_COMPOSE_CLI;
  if (chosen !== undefined && chosen !== "") return chosen;
  return composeCliPlaces.find((path) => existsSync(path)) ?? "docker-compose";
}

/** DOCKER_HOST names an engine that is not on a Unix socket of this machine (tcp://, ssh://, npipe://). */
export class EngineSocketError extends Error {
  override readonly name = "EngineSocketError";
  readonly code = "engine_not_on_unix_socket" as const;
}

/** The client's default engine socket when DOCKER_HOST is unset. */
const defaultEngineSocket = "/var/run/docker.sock";

/**
 * The Unix socket of the engine the docker client talks to, for code that speaks the Engine API
 * itself or mounts the socket in a container (where Desktop mounts `/var/run/docker.sock.raw`):
 * DOCKER_HOST's path when it is `unix://…`, the default socket when DOCKER_HOST is unset or empty.
 * Throws EngineSocketError for any other DOCKER_HOST rather than reach a different engine.
 */
export function engineSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.DOCKER_HOST;
  if (host === undefined || host === "") return defaultEngineSocket;
  if (host.startsWith("unix://")) return host.slice("unix://".length);
  throw new EngineSocketError(
    `DOCKER_HOST=${host} is not a Unix socket; this needs the engine's socket on this machine (DOCKER_HOST=unix://<path>)`,
  );
}
