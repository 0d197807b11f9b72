// The compose file as Docker Desktop runs it: `docker-compose up` of this folder's
// docker-compose.yaml with DESKTOP_PLUGIN_IMAGE set to the built image. An override file adds only
// what Desktop's VM has and this engine lacks: /run/guest-services mounted into every service, the
// engine's socket where the VM has docker.sock.raw, and no network (the engine has no bridge).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createBackendClient, createSocketTransport } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract } from "../shared/contract.ts";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import { composeCliPath, docker, engineSocketPath, runProgram, uniqueName } from "@dext/desktop/testing";
import { sampleDir } from "./docker.ts";
import { imageTestContext } from "./provided.ts";
import type { BackendClient } from "@dext/backend";
import type { Contract } from "../shared/contract.ts";

const { engine, image, skipReason } = imageTestContext();
const required = process.env.DEXT_IMAGE_TESTS === "1";
const project = uniqueName("cvtest");
const composeCli = composeCliPath();
/** Why the compose command cannot run here (missing, or failing), asked only where an engine is. */
const composeProblem =
  engine === undefined
    ? undefined
    : await runProgram(composeCli, ["version"], { timeoutMs: 60_000 }).then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0],
      );
const skip = engine === undefined || (composeProblem !== undefined && !required);
const why =
  engine === undefined
    ? skipReason
    : `docker-compose cannot run (${composeProblem ?? ""}); tooling/docker/install-engine.sh installs it (Debian: docker-compose)`;
if (skip && engine !== undefined)
  console.warn(`compose-volumes compose stack tests SKIPPED: ${why}; DEXT_IMAGE_TESTS=1 makes this a failure`);

describe.skipIf(skip)(`the compose stack (project ${project})${skip ? `: skipped, ${why}` : ""}`, () => {
  let work: SocketDir;
  let guestDir = "";
  let client: BackendClient<Contract>;

  const compose = async (...args: string[]): Promise<string> => {
    if (composeProblem !== undefined) throw new Error(why);
    const files = ["-f", join(sampleDir, "docker-compose.yaml"), "-f", join(work.dir, "override.yaml")];
    return (
      await runProgram(composeCli, ["-p", project, ...files, ...args], {
        env: { DESKTOP_PLUGIN_IMAGE: image },
        timeoutMs: 120_000,
      })
    ).stdout;
  };

  /** Waits until the backend answers on the socket Desktop would proxy to. */
  const backendReady = async (): Promise<void> => {
    const deadline = Date.now() + 30_000;
    while ((await client.getState().catch(() => undefined)) === undefined) {
      if (Date.now() > deadline)
        throw new Error(`the backend did not answer within 30 s:\n${await compose("logs", "--tail", "20")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    work = await makeSocketDir();
    guestDir = join(work.dir, "gs");
    await mkdir(guestDir);
    // Compose merges `volumes` by target path: this replaces the docker.sock.raw source, adds the rest.
    const override = [
      "services:",
      "  backend:",
      "    network_mode: none",
      "    volumes:",
      `      - ${guestDir}:/run/guest-services`,
      "  engine-proxy:",
      "    network_mode: none",
      "    volumes:",
      `      - ${engineSocketPath()}:/var/run/docker.sock`,
      `      - ${guestDir}:/run/guest-services`,
      "",
    ].join("\n");
    await writeFile(join(work.dir, "override.yaml"), override);
    client = createBackendClient(contract, createSocketTransport(join(guestDir, "compose-volumes.sock")), {
      retry: { attempts: 1 },
    });
    await compose("up", "-d");
    await backendReady();
  });

  afterAll(async () => {
    // What Desktop runs on uninstall, per the error messages users have reported.
    await compose("down", "--remove-orphans", "--volumes").catch((error: unknown) => console.warn(String(error)));
    await work.remove();
  });

  it("runs both services from the extension image, the engine socket in the proxy only", async () => {
    const containers = ["backend", "engine-proxy"].map((service) => `${project}_${service}_1`);
    const { stdout } = await docker(["inspect", "--format", "{{.Config.Image}} {{json .Mounts}}", ...containers]);
    const [backend, proxy] = stdout.trim().split("\n");
    expect(backend?.startsWith(`${image} `)).toBe(true);
    expect(proxy?.startsWith(`${image} `)).toBe(true);
    expect(backend).not.toMatch(/docker\.sock/);
    expect(proxy).toMatch(/"Destination":"\/var\/run\/docker\.sock"/);
  });

  it("lists volumes through the engine proxy, its own state volume among them, used by the backend", async () => {
    const { volumes } = await client.listVolumes();
    const state = volumes.find((volume) => volume.name === `${project}_state`);
    expect(state?.composeProject).toBe(project);
    expect(state?.usedBy.map((use) => `${use.name} ${use.destination}`)).toEqual([`${project}_backend_1 /state`]);
  });

  it("browses its own state volume through a helper the backend starts via the proxy", async () => {
    await client.setPinned({ params: { name: `${project}_state` }, body: { pinned: true } });
    const { listing } = await client.browseVolume({
      params: { name: `${project}_state` },
      query: { path: "state.json" },
    });
    expect(listing.kind === "file" && JSON.parse(listing.preview ?? "")).toEqual({
      version: 1,
      state: { pinned: [`${project}_state`], notes: {} },
    });
  });

  it("keeps pins and notes across a restart and a stop and start of the stack", async () => {
    await client.setNote({ params: { name: `${project}_state` }, body: { note: "the extension's own state" } });
    const expected = await client.getState();
    await compose("restart", "backend");
    await backendReady();
    expect(await client.getState()).toEqual(expected);
    await compose("stop");
    await compose("up", "-d");
    await backendReady();
    expect(await client.getState()).toEqual(expected);
  });

  it("loses the state on `down --volumes`, as an uninstall does, and gets it back from an export", async () => {
    const exported = await client.exportState();
    await compose("down", "--remove-orphans", "--volumes");
    await compose("up", "-d");
    await backendReady();
    expect(await client.getState()).toEqual({ pinned: [], notes: {} });
    expect(await client.importState({ body: exported })).toEqual(exported.state);
  });
});
