import { createInterface } from "node:readline";
import { dockerCliPath } from "@dext/desktop-facts/node";
import { docker } from "./docker-cli.ts";
import { DesktopHostError } from "./errors.ts";
import type { Logger } from "@dext/backend";
import type { ProcessGroups } from "./process-group.ts";

export interface ExtensionBuild {
  dockerfile: string;
  context: string;
  tag: string;
  groups: ProcessGroups;
  logger: Logger;
}

/** True when a Docker engine answers at DOCKER_HOST (or the default socket) within a few seconds. */
export function engineAnswers(): Promise<boolean> {
  return docker(["version", "--format", "{{.Server.Version}}"], { timeoutMs: 5_000 }).then(
    () => true,
    () => false,
  );
}

/**
 * Builds the extension's image as an author's `docker build` would (BuildKit, the folder's
 * Dockerfile and build context), with its output streamed to the host's log line by line. An
 * engine without a bridge network (a plain CI dockerd) gets `--network host`, so `RUN` steps can
 * still reach the package registry. Stopping the host ends the build with its process group.
 */
export async function buildExtensionImage(build: ExtensionBuild): Promise<string> {
  const noBridge = await docker(["network", "inspect", "bridge"]).then(
    () => false,
    () => true,
  );
  const args = [
    "build",
    "--progress",
    "plain",
    "-f",
    build.dockerfile,
    "-t",
    build.tag,
    ...(noBridge ? ["--network", "host"] : []),
    build.context,
  ];
  build.logger.info(`building: docker ${args.join(" ")}`);
  const child = build.groups.spawn({
    file: dockerCliPath(),
    args,
    cwd: build.context,
    env: { ...process.env, DOCKER_BUILDKIT: "1" },
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    createInterface({ input: stream }).on("line", (line) => {
      build.logger.info(`build: ${line}`);
      tail.push(line);
      if (tail.length > 20) tail.shift();
    });
  }
  const code = await new Promise<number | null>((resolve) => {
    child.once("error", () => resolve(null));
    child.once("close", (exitCode) => resolve(exitCode));
  });
  if (code !== 0) {
    throw new DesktopHostError(
      "image_failed",
      `docker build of ${build.dockerfile} failed (exit ${String(code)}):\n${tail.join("\n")}`,
    );
  }
  build.logger.info(`built ${build.tag}`);
  return build.tag;
}
