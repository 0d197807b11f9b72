import { join } from "node:path";
import { docker, dockerCliPath, engineVersion, runProgram } from "@dext/desktop/testing";
import { repoRoot, sampleDir } from "./docker.ts";
import type { TestProject } from "vitest/node";

/** DEXT_IMAGE tests an image built elsewhere as it is; by default the setup builds its own. */
const image = process.env.DEXT_IMAGE ?? "dext/compose-volumes:test";
const required = process.env.DEXT_IMAGE_TESTS === "1";
const dockerTools = join(repoRoot, "tooling/docker");

/**
 * An engine answering at DOCKER_HOST, or one started with tooling/docker/start-engine.sh (which
 * reuses a running one, or starts Debian's dockerd when this is root on a machine that has it).
 * Returns whether this setup started it, so that teardown stops only what it started.
 */
async function ensureEngine(): Promise<{ started: boolean; reason: string }> {
  if ((await engineVersion()) !== undefined) return { started: false, reason: "" };
  try {
    const { stdout, stderr } = await runProgram(join(dockerTools, "start-engine.sh"), [], { timeoutMs: 120_000 });
    const host = /export DOCKER_HOST=(\S+)/.exec(stdout)?.[1];
    if (host === undefined) return { started: false, reason: `start-engine.sh printed no DOCKER_HOST: ${stdout}` };
    process.env.DOCKER_HOST = host;
    const answers = (await engineVersion()) !== undefined;
    // "reusing ..." means someone else's engine: never stop that one afterwards.
    return {
      started: answers && stderr.includes("starting dockerd"),
      reason: answers ? "" : `no engine answers at ${host}`,
    };
  } catch (error) {
    return { started: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const { started, reason } = await ensureEngine();
  const engine = await engineVersion();
  project.provide("engine", engine);
  project.provide("dockerHost", process.env.DOCKER_HOST ?? "");
  project.provide("image", image);
  project.provide("skipReason", engine === undefined ? `no Docker engine (${reason.split("\n").at(-1) ?? ""})` : "");
  if (engine === undefined) {
    if (required)
      throw new Error(`DEXT_IMAGE_TESTS=1 but no Docker engine answers and none could be started: ${reason}`);
    console.warn(
      `compose-volumes engine and image tests SKIPPED: no Docker engine at DOCKER_HOST=${process.env.DOCKER_HOST ?? "(unset)"}, ` +
        `and tooling/docker/start-engine.sh could not start one (${reason.trim().split("\n").at(-1) ?? ""}). Set DEXT_IMAGE_TESTS=1 to make this a failure.`,
    );
    return undefined;
  }
  if (process.env.DEXT_IMAGE === undefined) {
    // The stand-in base image, when the engine cannot pull node:24-alpine (a no-op when it exists).
    await runProgram(join(dockerTools, "make-node-image.sh"), [], { timeoutMs: 300_000 });
    // Always build: with nothing changed BuildKit's cache makes this seconds, and a stale image can
    // never be tested by mistake. --network host lets `pnpm install` reach the registry on engines
    // without a bridge network (tooling/docker's); elsewhere it changes nothing.
    // The build context is the workspace pruned to this sample (see the Dockerfile).
    const began = Date.now();
    const context = (
      await runProgram(join(dockerTools, "prune-context.sh"), [sampleDir], { timeoutMs: 120_000 })
    ).stdout.trim();
    await docker(
      ["build", "--network", "host", "--progress", "plain", "-f", join(sampleDir, "Dockerfile"), "-t", image, context],
      15 * 60_000,
    );
    console.log(
      `built ${image} in ${((Date.now() - began) / 1000).toFixed(1)} s with ${dockerCliPath()} (engine ${engine})`,
    );
  }
  if (!started) return undefined;
  return async () => {
    await runProgram(join(dockerTools, "stop-engine.sh"), [], { timeoutMs: 60_000 }).catch((error: unknown) =>
      console.warn(String(error)),
    );
  };
}
