import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createBackendClient, createSocketTransport } from "@dext/backend";
import { makeSocketDir, startBackend } from "@dext/backend/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract } from "../shared/contract.ts";
import type { BackendClientError } from "@dext/backend";
import type { RunningBackend, SocketDir } from "@dext/backend/testing";

// The backend process as the image's compose service runs it (from source here), stopped and
// started again: by SIGTERM as `docker compose stop` does, and by SIGKILL as a crash does.
const sampleDir = fileURLToPath(new URL("..", import.meta.url));
let dir: SocketDir;
let socket = "";
let stateDir = "";

function startSampleBackend(): Promise<RunningBackend> {
  return startBackend({
    entry: "backend/main.ts",
    cwd: sampleDir,
    socket,
    env: {
      STATE_DIR: stateDir,
      ENGINE_SOCKET: join(dir.dir, "no-engine.sock"),
      EXTENSION_IMAGE: "${DESKTOP_PLUGIN_IMAGE}",
    },
    readyText: '"msg":"configured"',
  });
}

beforeAll(async () => {
  dir = await makeSocketDir();
  socket = join(dir.dir, "cv.sock");
  stateDir = join(dir.dir, "state");
});

afterAll(() => dir.remove());

describe("the backend process", () => {
  let running: RunningBackend | undefined;
  afterAll(async () => {
    await running?.stop({ signal: "SIGKILL" });
  });

  it("keeps pins and notes across a SIGTERM and a start", async () => {
    running = await startSampleBackend();
    const client = createBackendClient(contract, createSocketTransport(socket));
    await client.setPinned({ params: { name: "pgdata" }, body: { pinned: true } });
    await client.setNote({ params: { name: "pgdata" }, body: { note: "keep me" } });
    expect((await running.stop()).code).toBe(0);
    await expect(stat(socket)).rejects.toMatchObject({ code: "ENOENT" });

    running = await startSampleBackend();
    expect(await client.getState()).toEqual({ pinned: ["pgdata"], notes: { pgdata: "keep me" } });
  });

  it("keeps every acknowledged change across a kill -9, and starts over the stale socket it left", async () => {
    const client = createBackendClient(contract, createSocketTransport(socket));
    await client.setNote({ params: { name: "cache" }, body: { note: "written just before the crash" } });
    if (running === undefined) throw new Error("the backend is not running");
    await running.stop({ signal: "SIGKILL" });
    // SIGKILL runs no cleanup: the socket file stays, and the next start must not trip over it.
    expect((await stat(socket)).isSocket()).toBe(true);

    running = await startSampleBackend();
    expect(await client.getState()).toEqual({
      pinned: ["pgdata"],
      notes: { pgdata: "keep me", cache: "written just before the crash" },
    });
  });

  it("treats an unreplaced ${DESKTOP_PLUGIN_IMAGE} as no image and logs where it keeps state", () => {
    const configured =
      running
        ?.output()
        .split("\n")
        .find((line) => line.includes('"msg":"configured"')) ?? "{}";
    expect(JSON.parse(configured)).toMatchObject({ helperImage: null, stateFile: join(stateDir, "state.json") });
  });

  it("starts over a folder where state.json should be, and answers the state routes with a 409 saying so", async () => {
    if (running !== undefined) await running.stop();
    stateDir = join(dir.dir, "state-with-a-folder");
    await mkdir(join(stateDir, "state.json"), { recursive: true });
    running = await startSampleBackend();
    const client = createBackendClient(contract, createSocketTransport(socket), { retry: { attempts: 1 } });
    const error = await client.getState().then(
      () => undefined,
      (reason: unknown) => reason as BackendClientError,
    );
    expect(error).toMatchObject({
      status: 409,
      message: expect.stringMatching(/state\.json in the extension's state volume is a folder, not a file/) as unknown,
    });
    expect(running.output()).toContain(
      '"msg":"state file unusable; refusing reads and saves until it is repaired, removed or replaced by an import"',
    );
  });
});
