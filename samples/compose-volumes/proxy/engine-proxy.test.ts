import { mkdir } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { serveOnSocket } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helperSpec } from "../backend/engine/helper-container.js";
import { startFakeEngine, volumeDir } from "../backend/testing/fake-engine.js";
import { startInProcessBackend } from "../backend/testing/in-process-backend.js";
import { tempDir } from "../backend/testing/temp-dir.js";
import { createEngineProxy } from "./engine-proxy.js";
import type { RunningServer } from "@dext/backend";
import type { FakeEngine } from "../backend/testing/fake-engine.js";
import type { InProcessBackend } from "../backend/testing/in-process-backend.js";

// The compose stack's path without Docker: backend → engine proxy → (fake) engine.
const image = "dext/compose-volumes:1.0.0";
let dir: Awaited<ReturnType<typeof tempDir>>;
let engine: FakeEngine;
let proxy: RunningServer;
let backend: InProcessBackend;

beforeAll(async () => {
  dir = await tempDir("proxy");
  await mkdir(volumeDir(dir.path, "pgdata"), { recursive: true });
  engine = await startFakeEngine(join(dir.path, "engine.sock"), {
    volumes: [{ name: "pgdata", dir: volumeDir(dir.path, "pgdata"), size: 0 }],
    containers: [{ id: "userdb", name: "user-db", state: "running", mounts: [] }],
  });
  proxy = await serveOnSocket(createEngineProxy({ upstream: engine.socketPath, image }), join(dir.path, "proxy.sock"));
  backend = await startInProcessBackend(dir.path, join(dir.path, "proxy.sock"), image);
});

afterAll(async () => {
  await backend.close();
  await proxy.close(1_000);
  await engine.close();
  await dir.remove();
});

function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ socketPath: join(dir.path, "proxy.sock"), method, path, headers: payload === undefined ? {} : { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(payload);
  });
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
    expect(JSON.parse(answer.body)).toEqual({ message: "engine-proxy: POST /containers/userdb/exec is not a call this extension makes" });
    expect(engine.calls.length).toBe(before);
  });

  it("refuses to inspect or remove a container that is not one of its helpers", async () => {
    expect((await call("GET", "/v1.41/containers/userdb/json")).status).toBe(403);
    const removal = await call("DELETE", "/v1.41/containers/userdb?force=true");
    expect(removal.status).toBe(404);
    expect(engine.calls).not.toContain("DELETE /containers/userdb");
  });

  it("refuses a create that is not a helper, and lets the helper through", async () => {
    const privileged = { ...helperSpec({ image, volume: "pgdata", args: ["summary"] }), HostConfig: { Privileged: true } };
    expect((await call("POST", "/v1.41/containers/create", privileged)).status).toBe(403);
    const created = await call("POST", "/v1.41/containers/create", helperSpec({ image, volume: "pgdata", args: ["summary"] }));
    expect(created.status).toBe(201);
    const { Id: id } = JSON.parse(created.body) as { Id: string };
    expect((await call("DELETE", `/v1.41/containers/${id}?force=true`)).status).toBe(204);
  });
});
