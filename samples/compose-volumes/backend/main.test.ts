import { spawn } from "node:child_process";
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createBackendClient, createSocketTransport } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract } from "../shared/contract.ts";
import { tempDir } from "./testing/temp-dir.ts";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import type { BackendClientError } from "@dext/backend";

// The backend process as the image's compose service runs it (from source here), stopped and
// started again: by SIGTERM as `docker compose stop` does, and by SIGKILL as a crash does.
const sampleDir = fileURLToPath(new URL("..", import.meta.url));
let dir: Awaited<ReturnType<typeof tempDir>>;
let socket = "";
let stateDir = "";

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

async function startBackend(): Promise<Running> {
  const child = spawn(process.execPath, ["--conditions=@dext/source", "backend/main.ts", "--socket", socket], {
    cwd: sampleDir,
    env: {
      ...process.env,
      STATE_DIR: stateDir,
      ENGINE_SOCKET: join(dir.path, "no-engine.sock"),
      EXTENSION_IMAGE: "${DESKTOP_PLUGIN_IMAGE}",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!output.includes('"msg":"configured"')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`backend did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, output: () => output };
}

function stop(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.child.once("exit", (code) => resolve(code)));
  running.child.kill(signal);
  return exited;
}

beforeAll(async () => {
  dir = await tempDir("main");
  socket = join(dir.path, "cv.sock");
  stateDir = join(dir.path, "state");
});

afterAll(() => dir.remove());

describe("the backend process", () => {
  let running: Running | undefined;
  afterAll(() => {
    if (running?.child.exitCode === null) running.child.kill("SIGKILL");
  });

  it("keeps pins and notes across a SIGTERM and a start", async () => {
    running = await startBackend();
    const client = createBackendClient(contract, createSocketTransport(socket));
    await client.setPinned({ params: { name: "pgdata" }, body: { pinned: true } });
    await client.setNote({ params: { name: "pgdata" }, body: { note: "keep me" } });
    expect(await stop(running, "SIGTERM")).toBe(0);
    await expect(stat(socket)).rejects.toMatchObject({ code: "ENOENT" });

    running = await startBackend();
    expect(await client.getState()).toEqual({ pinned: ["pgdata"], notes: { pgdata: "keep me" } });
  });

  it("keeps every acknowledged change across a kill -9, and starts over the stale socket it left", async () => {
    const client = createBackendClient(contract, createSocketTransport(socket));
    await client.setNote({ params: { name: "cache" }, body: { note: "written just before the crash" } });
    if (running === undefined) throw new Error("the backend is not running");
    await stop(running, "SIGKILL");
    // SIGKILL runs no cleanup: the socket file stays, and the next start must not trip over it.
    expect((await stat(socket)).isSocket()).toBe(true);

    running = await startBackend();
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
    if (running !== undefined) await stop(running, "SIGTERM");
    stateDir = join(dir.path, "state-with-a-folder");
    await mkdir(join(stateDir, "state.json"), { recursive: true });
    running = await startBackend();
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
