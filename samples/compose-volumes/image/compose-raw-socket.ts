import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { composeCliPath, engineSocketPath } from "@dext/desktop/testing";

/**
 * Desktop's VM has /var/run/docker.sock.raw; a plain Linux engine does not, and a bind mount of a
 * missing path makes Docker create an empty folder there, so the engine proxy would reach nothing.
 * Until the dext host maps that path itself, this wrapper around the compose command
 * (`composeCliPath()`), given to the host as DEXT_COMPOSE_CLI, adds one more override file that
 * mounts the engine's socket in its place. Made before DEXT_COMPOSE_CLI names it, so it wraps the
 * real command.
 */
export async function composeWithRawSocket(dir: string): Promise<string> {
  const extra = join(dir, "docker-sock-raw.yaml");
  await writeFile(
    extra,
    `version: "3.8"\nservices:\n  engine-proxy:\n    volumes:\n      - ${engineSocketPath()}:/var/run/docker.sock\n`,
  );
  const wrapper = join(dir, "docker-compose");
  const script = [
    "#!/bin/bash",
    "# The host calls: -p <project> -f <file>... <command>; the extra file goes last among the -f.",
    "set -euo pipefail",
    "args=()",
    'while [ "${1:-}" = "-p" ] || [ "${1:-}" = "-f" ]; do args+=("$1" "$2"); shift 2; done',
    `exec ${composeCliPath()} "\${args[@]}" -f ${extra} "$@"`,
    "",
  ].join("\n");
  await writeFile(wrapper, script);
  await chmod(wrapper, 0o755);
  return wrapper;
}
