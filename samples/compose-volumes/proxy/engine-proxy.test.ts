import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { requestOverSocket, serveOnSocket } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helperSpec } from "../backend/engine/helper-container.ts";
import { startFakeEngine, volumeDir } from "../backend/testing/fake-engine.ts";
import { startInProcessBackend } from "../backend/testing/in-process-backend.ts";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import { createEngineProxy } from "./engine-proxy.ts";
import type { RunningServer } from "@dext/backend";
import type { FakeEngine } from "../backend/testing/fake-engine.ts";
import type { InProcessBackend } from "../backend/testing/in-process-backend.ts";

// The compose stack's path without Docker: backend → engine proxy → (fake) engine.
const image = "dext/compose-volumes:1.0.0";
let dir: SocketDir;
let engine: FakeEngine;
let proxy: RunningServer;
let backend: InProcessBackend;

beforeAll(async () => {
  dir = await makeSocketDir();
  await mkdir(volumeDir(dir.dir, "pgdata"), { recursive: true });
  engine = await startFakeEngine(join(dir.dir, "engine.sock"), {
    volumes: [{ name: "pgdata", dir: volumeDir(dir.dir, "pgdata"), size: 0 }],
    containers: [{ id: "userdb", name: "user-db", state: "running", mounts: [] }],
  });
  proxy = await serveOnSocket(createEngineProxy({ upstream: engine.socketPath, image }), join(dir.dir, "proxy.sock"));
  backend = await startInProcessBackend(dir.dir, join(dir.dir, "proxy.sock"), image);
});

afterAll(async () => {
  await backend.close();
  await proxy.close(1_000);
  await engine.close();
  await dir.remove();
});

function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return callRaw(method, path, body === undefined ? undefined : JSON.stringify(body));
}

/** A request with the body's bytes exactly as given: what a compromised backend could send. */
async function callRaw(
  method: string,
  path: string,
  payload: string | undefined,
  socketPath = join(dir.dir, "proxy.sock"),
): Promise<{ status: number; body: string }> {
  const answer = await requestOverSocket({
    socketPath,
    method,
    path,
    headers: payload === undefined ? {} : { "content-type": "application/json" },
    body: payload,
  });
  return { status: answer.status, body: answer.body.toString("utf8") };
}

describe("the engine proxy", () => {
  it("carries the backend's whole work: list, scan and browse", async () => {
    await backend.client.listVolumes();
    await backend.scans.run({}, { intervalMs: 5 });
    const { listing } = await backend.client.browseVolume({ params: { name: "pgdata" } });
    expect(listing).toMatchObject({ kind: "directory", entries: [] });
    expect(engine.live.size).toBe(0);
  });

  it("refuses an exec in a user's container with a 403 in the engine's error shape, never reaching the engine", async () => {
    const before = engine.calls.length;
    const answer = await call("POST", "/v1.41/containers/userdb/exec", { Cmd: ["sh"] });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({
      message: "engine-proxy: POST /containers/userdb/exec is not a call this extension makes",
    });
    expect(engine.calls.length).toBe(before);
  });

  it("refuses to inspect or remove a container that is not one of its helpers", async () => {
    expect((await call("GET", "/v1.41/containers/userdb/json")).status).toBe(403);
    const removal = await call("DELETE", "/v1.41/containers/userdb?force=true");
    expect(removal.status).toBe(404);
    expect(engine.calls).not.toContain("DELETE /containers/userdb");
  });

  it("refuses a create that is not a helper, and lets the helper through", async () => {
    const privileged = {
      ...helperSpec({ image, volume: "pgdata", args: ["summary"] }),
      HostConfig: { Privileged: true },
    };
    expect((await call("POST", "/v1.41/containers/create", privileged)).status).toBe(403);
    const created = await call(
      "POST",
      "/v1.41/containers/create",
      helperSpec({ image, volume: "pgdata", args: ["summary"] }),
    );
    expect(created.status).toBe(201);
    const { Id: id } = JSON.parse(created.body) as { Id: string };
    expect((await call("DELETE", `/v1.41/containers/${id}?force=true`)).status).toBe(204);
  });
});

describe("the engine proxy's reading of a create body", () => {
  const helper = (): Record<string, unknown> => helperSpec({ image, volume: "pgdata", args: ["summary"] });
  const json = (value: unknown): string => JSON.stringify(value);
  /** The helper's body with `extra` spliced in as raw text before its HostConfig key. */
  const withBefore = (extra: string): string => json(helper()).replace('"HostConfig":', `${extra},"HostConfig":`);
  const privileged = json({ Privileged: true, Binds: ["/:/host"] });

  it("forwards the value it checked, re-serialised, not the bytes it received", async () => {
    // Valid and equal to the helper's spec, but spelled differently: escapes, spacing, order.
    const spelled = json(helper()).replace('"Image"', '"Im\\u0061ge"').replaceAll(",", " ,\n ");
    const created = await callRaw("POST", "/v1.41/containers/create", spelled);
    expect(created.status).toBe(201);
    expect(engine.createdRaw.at(-1)).toBe(json(helper()));
    await call("DELETE", `/v1.41/containers/${(JSON.parse(created.body) as { Id: string }).Id}?force=true`);
  });

  it.each([
    ["two HostConfig keys at the top level", withBefore(`"HostConfig":${privileged}`), "HostConfig"],
    [
      "HostConfig and Host\\u0043onfig, which decode to the same key",
      withBefore(`"Host\\u0043onfig":${privileged}`),
      "HostConfig",
    ],
    [
      "two Binds inside HostConfig",
      json(helper()).replace('"HostConfig":{', '"HostConfig":{"Binds":["/:/host"],"Binds":[],'),
      "HostConfig.Binds",
    ],
    [
      "two ReadOnly in the volume's mount",
      json(helper()).replace('"ReadOnly":true', '"ReadOnly":false,"ReadOnly":true'),
      "HostConfig.Mounts.0.ReadOnly",
    ],
  ])("refuses %s with a 400 in the one error shape, never reaching the engine", async (_label, body, path) => {
    const before = engine.calls.length;
    const answer = await callRaw("POST", "/v1.41/containers/create", body);
    expect(answer.status).toBe(400);
    const message = `engine-proxy: the body names ${path} twice`;
    expect(JSON.parse(answer.body)).toEqual({ message, error: { code: "invalid_input", message } });
    expect(engine.calls.length).toBe(before);
  });

  it("refuses a body that is not JSON with a 400, never reaching the engine", async () => {
    const before = engine.calls.length;
    const answer = await callRaw("POST", "/v1.41/containers/create", json(helper()).slice(0, -1));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: {
        code: "invalid_input",
        message: expect.stringMatching(/^engine-proxy: the body is not JSON/) as unknown,
      },
    });
    expect(engine.calls.length).toBe(before);
  });
});

describe("the engine proxy without an engine", () => {
  it("answers 502 saying the engine is not reachable, without the engine socket's path", async () => {
    const gone = join(dir.dir, "gone.sock");
    const lonely = await serveOnSocket(createEngineProxy({ upstream: gone, image }), join(dir.dir, "lonely.sock"));
    try {
      const answer = await callRaw("GET", "/v1.41/version", undefined, join(dir.dir, "lonely.sock"));
      expect(answer.status).toBe(502);
      expect(JSON.parse(answer.body)).toEqual({
        message:
          "engine-proxy: The Docker engine is not reachable: its socket does not exist (is the engine, or the engine proxy, running?)",
      });
      expect(answer.body).not.toContain(dir.dir);
    } finally {
      await lonely.close(1_000);
    }
  });
});
