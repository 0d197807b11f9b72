import { createServer } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeSocketDir } from "@dext/backend/testing";
import { createEngineClient } from "./engine-client.ts";
import { EngineError } from "./engine-error.ts";
import type { Server } from "node:http";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratch(): Promise<string> {
  const dir = await makeSocketDir();
  cleanups.push(dir.remove);
  return dir.dir;
}

/** A one-route engine on `socketPath` that counts the requests that reached it. */
function listenLater(socketPath: string, afterMs: number): { requests: () => number } {
  let requests = 0;
  const server: Server = createServer((_request, response) => {
    requests += 1;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ Volumes: [] }));
  });
  const timer = setTimeout(() => server.listen(socketPath), afterMs);
  cleanups.push(async () => {
    clearTimeout(timer);
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  });
  return { requests: () => requests };
}

describe("the engine client while the engine proxy is still starting", () => {
  it("waits for a socket that appears after the first call, as when compose starts both services together", async () => {
    const socketPath = join(await scratch(), "engine.sock");
    const engine = listenLater(socketPath, 300);
    const client = createEngineClient(socketPath, { connectWaitMs: 5_000 });
    const response = await client.raw({ method: "POST", path: "/volumes/create", body: { Name: "x" } });
    expect(response.status).toBe(200);
    // Sent once: the attempts before the socket existed never reached anything.
    expect(engine.requests()).toBe(1);
  });

  it("gives up with engine_unreachable once the wait is over, naming no path", async () => {
    const socketPath = join(await scratch(), "engine.sock");
    const client = createEngineClient(socketPath, { connectWaitMs: 400 });
    const began = Date.now();
    const error = await client.raw({ method: "GET", path: "/volumes" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: "engine_unreachable" });
    expect((error as Error).message).toBe(
      "The Docker engine is not reachable: its socket does not exist (is the engine, or the engine proxy, running?)",
    );
    expect(Date.now() - began).toBeGreaterThanOrEqual(200);
  });

  it("does not wait when the caller has aborted", async () => {
    const socketPath = join(await scratch(), "engine.sock");
    const client = createEngineClient(socketPath, { connectWaitMs: 60_000 });
    const controller = new AbortController();
    const pending = client.raw({ method: "GET", path: "/volumes", signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled by the caller")), 100);
    await expect(pending).rejects.toThrow(/engine is not reachable|cancelled by the caller/);
  });
});
