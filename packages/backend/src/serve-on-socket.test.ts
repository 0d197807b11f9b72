import { createServer as createNetServer } from "node:net";
import { mkdir, stat, writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createBackendClient } from "./client/create-backend-client.ts";
import { createFetchTransport } from "./client/transport.ts";
import { SocketListenError } from "./errors.ts";
import { serve, serveOnSocket } from "./serve-on-socket.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { greetingContract } from "./testing/greeting-contract.ts";
import { greetingServersPerTest } from "./testing/greeting-servers.ts";
import { leaveStaleSocket } from "./testing/stale-socket.ts";

const { app, temp, start, closeAfter } = greetingServersPerTest();

async function listenRaw(path: string): Promise<() => Promise<void>> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

describe("serveOnSocket", () => {
  it("answers a typed route over a real Unix socket", async () => {
    await start(temp.socket());
    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()));
    await expect(client.hello({ query: { name: "dext" } })).resolves.toEqual({ message: "Hello, dext!" });
  });

  it("creates the socket's parent folder", async () => {
    const path = join(temp.dir, "run", "gs", "backend.sock");
    await start(path);
    expect((await stat(path)).isSocket()).toBe(true);
  });

  it("sets the socket file mode to owner and group read-write", async () => {
    await start(temp.socket());
    expect((await stat(temp.socket())).mode & 0o777).toBe(0o660);
  });

  it("replaces a stale socket file left by a killed process", async () => {
    await leaveStaleSocket(temp.socket());
    expect((await stat(temp.socket())).isSocket()).toBe(true);

    await start(temp.socket());
    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()));
    await expect(client.hello()).resolves.toEqual({ message: "Hello, world!" });
  });

  it("refuses a socket that a live server answers, and leaves that server running", async () => {
    const closeRaw = await listenRaw(temp.socket());
    try {
      const error = await serveOnSocket(app, temp.socket()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SocketListenError);
      expect((error as SocketListenError).code).toBe("socket_in_use");
      expect((await stat(temp.socket())).isSocket()).toBe(true);
    } finally {
      await closeRaw();
    }
  });

  it("refuses to replace a file that is not a socket, and keeps its content", async () => {
    await writeFile(temp.socket(), "precious");
    const error = await serveOnSocket(app, temp.socket()).catch((e: unknown) => e);
    expect((error as SocketListenError).code).toBe("socket_path_not_socket");
    expect(await readFile(temp.socket(), "utf8")).toBe("precious");
  });

  it("refuses a socket path longer than macOS allows, naming the limit", async () => {
    const deep = join(temp.dir, "x".repeat(120), "backend.sock");
    const error = await serveOnSocket(app, deep).catch((e: unknown) => e);
    expect((error as SocketListenError).code).toBe("socket_path_too_long");
    expect((error as Error).message).toMatch(/103-byte limit/);
  });

  it("reports a parent folder it cannot create", async () => {
    await writeFile(join(temp.dir, "file"), "");
    const error = await serveOnSocket(app, join(temp.dir, "file", "backend.sock")).catch((e: unknown) => e);
    expect((error as SocketListenError).code).toBe("socket_dir_unusable");
  });

  it("keeps working in a folder created beforehand", async () => {
    await mkdir(join(temp.dir, "pre"), { recursive: true });
    await start(join(temp.dir, "pre", "b.sock"));
    expect((await stat(join(temp.dir, "pre", "b.sock"))).isSocket()).toBe(true);
  });

  it("serves on a loopback TCP port for local debugging, and frees it on close", async () => {
    const server = await serve(app, { kind: "port", port: 0, host: "127.0.0.1" });
    closeAfter(server);
    expect(server.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createBackendClient(greetingContract, createFetchTransport(server.address), {
      retry: { attempts: 1 },
    });
    await expect(client.hello({ query: { name: "port" } })).resolves.toEqual({ message: "Hello, port!" });
    await server.close(100);
    await expect(client.hello()).rejects.toMatchObject({ kind: "unavailable" });
  });

  it("uses the socket mode it is given", async () => {
    closeAfter(await serveOnSocket(app, temp.socket(), { socketMode: 0o600 }));
    expect((await stat(temp.socket())).mode & 0o777).toBe(0o600);
  });
});
