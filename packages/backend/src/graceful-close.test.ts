import { stat } from "node:fs/promises";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { createBackendClient } from "./client/create-backend-client.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { greetingContract } from "./testing/greeting-contract.ts";
import { greetingServersPerTest } from "./testing/greeting-servers.ts";

const { temp, start } = greetingServersPerTest();

describe("closing a running server", () => {
  it("removes the socket file on close", async () => {
    const server = await start(temp.socket());
    await server.close();
    await expect(stat(temp.socket())).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("lets an in-flight request finish when closing", async () => {
    const server = await start(temp.socket());
    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()));
    const pending = client.slow({ query: { ms: 300 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close(2_000);
    await expect(pending).resolves.toEqual({ waitedMs: 300 });
  });

  it("closes idle keep-alive connections at once instead of waiting for them to time out", async () => {
    const server = await start(temp.socket());
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Wrapped in an object: resolving with the bare promise would wait for the close itself.
    const { socketClosed } = await new Promise<{ socketClosed: Promise<void> }>((resolve, reject) => {
      request({ socketPath: temp.socket(), path: "/hello", agent }, (res) => {
        const socket = res.socket;
        res.resume();
        res.on("end", () =>
          resolve({ socketClosed: new Promise<void>((closed) => socket.once("close", () => closed())) }),
        );
      })
        .on("error", reject)
        .end();
    });
    // The connection now idles in the agent's pool; Node would keep it for 5 s by default.
    const startedAt = Date.now();
    await server.close(5_000);
    await socketClosed;
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    agent.destroy();
  });

  it("closes a keep-alive connection as soon as its in-flight request is answered", async () => {
    const server = await start(temp.socket());
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const answered = new Promise<{ body: string; socketClosed: Promise<void> }>((resolve, reject) => {
      request({ socketPath: temp.socket(), path: "/slow?ms=300", agent }, (res) => {
        const socket = res.socket;
        const socketClosed = new Promise<void>((closed) => socket.once("close", () => closed()));
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ body, socketClosed }));
      })
        .on("error", reject)
        .end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const startedAt = Date.now();
    await server.close(5_000);
    const { body, socketClosed } = await answered;
    await socketClosed;
    expect(JSON.parse(body)).toEqual({ waitedMs: 300 });
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    agent.destroy();
  });

  it("answers the next request on a keep-alive connection when its bytes arrive with the close, even in a starved process", async () => {
    const server = await start(temp.socket());
    const socket = connect(temp.socket());
    await once(socket, "connect");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    const hello = "GET /hello HTTP/1.1\r\nHost: dext\r\n\r\n";
    socket.write(hello);
    while (!answer.endsWith('{"message":"Hello, world!"}')) await once(socket, "data");
    // The connection is now idle between two requests: what Node closes first when a server closes.
    answer = "";
    const socketClosed = once(socket, "close");
    socket.write(hello);
    const closing = server.close(2_000);
    // A process starved of CPU past the idle linger: when it runs again its timers are due before
    // it polls its sockets, and the request in its buffer must still not be taken for idleness.
    const blockedUntil = Date.now() + 400;
    while (Date.now() < blockedUntil) {
      // Busy on purpose.
    }
    await closing;
    await socketClosed;
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('{"message":"Hello, world!"}');
  });

  it("refuses new connections as soon as the close begins, while the request in flight finishes", async () => {
    const server = await start(temp.socket());
    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()), {
      retry: { attempts: 1 },
    });
    const pending = client.slow({ query: { ms: 300 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = server.close(2_000);

    const refused = await client.hello().catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: "unavailable" });
    expect(((refused as Error).cause as NodeJS.ErrnoException).code).toBe("ENOENT");
    await expect(pending).resolves.toEqual({ waitedMs: 300 });
    await closing;
  });
});
