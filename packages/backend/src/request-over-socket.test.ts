import { createServer } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SocketRequestError } from "./errors.ts";
import { requestOverSocket } from "./request-over-socket.ts";
import { leaveStaleSocket } from "./testing/stale-socket.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { RequestListener, Server } from "node:http";

let temp: Awaited<ReturnType<typeof makeSocketDir>>;
const servers: Server[] = [];
const timers: NodeJS.Timeout[] = [];

beforeEach(async () => {
  temp = await makeSocketDir();
});
afterEach(async () => {
  for (const timer of timers.splice(0)) clearTimeout(timer);
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  }
  await temp.remove();
});

function serverFor(listener: RequestListener): Server {
  const server = createServer(listener);
  servers.push(server);
  return server;
}

async function listen(listener: RequestListener, path = temp.socket()): Promise<Server> {
  const server = serverFor(listener);
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return server;
}

describe("requestOverSocket", () => {
  it("sends the method, path, headers and body, and resolves any status with its headers and bytes", async () => {
    await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        res.writeHead(418, "Short and stout", { "x-seen": `${req.method} ${req.url}` });
        res.end(
          JSON.stringify({
            length: req.headers["content-length"],
            type: req.headers["content-type"],
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
    });
    const answer = await requestOverSocket({
      socketPath: temp.socket(),
      method: "POST",
      path: "/kettle?x=1",
      headers: { "content-type": "application/json" },
      body: '{"grüße":1}',
    });
    expect(answer.status).toBe(418);
    expect(answer.statusMessage).toBe("Short and stout");
    expect(answer.headers["x-seen"]).toBe("POST /kettle?x=1");
    expect(JSON.parse(answer.body.toString("utf8"))).toEqual({
      length: "13",
      type: "application/json",
      body: '{"grüße":1}',
    });
  });

  it("rejects with socket_unreachable and ENOENT when the socket does not exist", async () => {
    const error = await requestOverSocket({ socketPath: temp.socket(), path: "/" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SocketRequestError);
    expect(error).toMatchObject({ code: "socket_unreachable", systemCode: "ENOENT", socketPath: temp.socket() });
  });

  it("rejects with socket_unreachable and ECONNREFUSED on a socket nobody listens on", async () => {
    await leaveStaleSocket(temp.socket());
    const error = await requestOverSocket({ socketPath: temp.socket(), path: "/" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "socket_unreachable", systemCode: "ECONNREFUSED" });
  });

  it("waits up to connectWaitMs for a socket that appears later, and sends the request once", async () => {
    let requests = 0;
    const server = serverFor((_req, res) => {
      requests += 1;
      res.end("ok");
    });
    timers.push(setTimeout(() => server.listen(temp.socket()), 300));
    const answer = await requestOverSocket({
      socketPath: temp.socket(),
      method: "POST",
      path: "/",
      connectWaitMs: 5_000,
    });
    expect(answer.body.toString()).toBe("ok");
    expect(requests).toBe(1);
  });

  it("gives up with socket_unreachable once connectWaitMs is over", async () => {
    const began = Date.now();
    const error = await requestOverSocket({ socketPath: temp.socket(), path: "/", connectWaitMs: 400 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "socket_unreachable", systemCode: "ENOENT" });
    expect(Date.now() - began).toBeGreaterThanOrEqual(200);
    expect(Date.now() - began).toBeLessThan(2_000);
  });

  it("stops a connect wait when the caller aborts, rejecting with the caller's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled by the caller");
    timers.push(setTimeout(() => controller.abort(reason), 100));
    const began = Date.now();
    const pending = requestOverSocket({
      socketPath: temp.socket(),
      path: "/",
      connectWaitMs: 60_000,
      signal: controller.signal,
    });
    await expect(pending).rejects.toBe(reason);
    expect(Date.now() - began).toBeLessThan(2_000);
  });

  it("rejects an in-flight request with the caller's reason when it aborts", async () => {
    await listen(() => undefined);
    const controller = new AbortController();
    const reason = new Error("job cancelled");
    timers.push(setTimeout(() => controller.abort(reason), 100));
    await expect(requestOverSocket({ socketPath: temp.socket(), path: "/", signal: controller.signal })).rejects.toBe(
      reason,
    );
  });

  it("rejects with socket_timeout when the server stays silent for timeoutMs", async () => {
    await listen(() => undefined);
    const error = await requestOverSocket({ socketPath: temp.socket(), path: "/slow", timeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "socket_timeout",
      message: "GET /slow on " + temp.socket() + ": no answer within 200 ms",
    });
  });

  it("refuses an answer over maxResponseBytes with response_too_large", async () => {
    await listen((_req, res) => {
      res.write(Buffer.alloc(64 * 1024));
      res.end(Buffer.alloc(64 * 1024));
    });
    const error = await requestOverSocket({ socketPath: temp.socket(), path: "/", maxResponseBytes: 100_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "response_too_large" });
    const fits = await requestOverSocket({ socketPath: temp.socket(), path: "/", maxResponseBytes: 128 * 1024 });
    expect(fits.body.length).toBe(128 * 1024);
  });

  it("rejects with socket_connection_lost when the connection breaks mid-answer", async () => {
    await listen((_req, res) => {
      res.writeHead(200, { "content-length": "1000" });
      res.write("partial");
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await requestOverSocket({ socketPath: temp.socket(), path: "/" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "socket_connection_lost" });
  });
});
