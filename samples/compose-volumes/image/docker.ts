import { fileURLToPath } from "node:url";
import { docker } from "@dext/desktop/testing";

// This sample's own paths. The docker and compose clients, the engine's socket and version, running
// a program and unique names come from @dext/desktop/testing, as in every sample.

/** The repository root: the sample's Dockerfile builds from there. */
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const sampleDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Removes `volumes` and every named volume of the compose project the dext host ran for
 * `extensionId` in this process: stopping the host keeps them, as quitting Desktop does.
 */
export async function removeStackVolumes(extensionId: string, ...volumes: string[]): Promise<void> {
  const project = `dext-${extensionId}-${process.pid}`;
  const { stdout } = await docker(["volume", "ls", "-q", "--filter", `label=com.docker.compose.project=${project}`]);
  const leftovers = stdout.split("\n").filter((name) => name !== "");
  await docker(["volume", "rm", "-f", ...volumes, ...leftovers]).catch(() => undefined);
}

/** Runs `script` with sh in `image`, offline, with `volume` at /data: how the tests put files in a volume. */
export async function seedVolume(image: string, volume: string, script: string): Promise<void> {
  await docker([
    "run",
    "--rm",
    "--network",
    "none",
    "-v",
    `${volume}:/data`,
    "--entrypoint",
    "sh",
    image,
    "-c",
    script,
  ]);
}
