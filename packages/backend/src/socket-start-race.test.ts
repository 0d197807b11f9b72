// Two backends started at once over a stale socket (an update that starts the new version before
// the old one's socket is gone, a restart policy racing a manual start): exactly one may listen.
// Without a lock both found the socket stale, and the second unlink removed the first one's fresh
// socket, leaving it listening on a path nobody could reach.
import { fork } from "node:child_process";
import { lstat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackendClient } from "./client/create-backend-client.ts";
import { createBackendApp } from "./create-backend-app.ts";
import { SocketListenError } from "./errors.ts";
import { serveOnSocket } from "./serve-on-socket.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { greetingContract } from "./testing/greeting-contract.ts";
import { greetingHandlers } from "./testing/greeting-handlers.ts";
import { leaveStaleSockets } from "./testing/stale-socket.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { ChildProcess } from "node:child_process";
import type { RunningServer } from "./serve-on-socket.ts";
import type { ServeCommand, ServeReply } from "./testing/serve-on-command.ts";

const iterations = 20;
const app = createBackendApp({ contract: greetingContract, handlers: greetingHandlers });
let temp: Awaited<ReturnType<typeof makeSocketDir>>;

beforeAll(async () => {
  temp = await makeSocketDir();
});
afterAll(async () => {
  await temp.remove();
});

/** True when a connection to `path` reaches `server`, not some other listener. */
async function pathReaches(server: RunningServer, path: string): Promise<boolean> {
  let reached = false;
  const onConnection = () => (reached = true);
  server.server.on("connection", onConnection);
  try {
    const client = createBackendClient(greetingContract, createSocketTransport(path), { retry: { attempts: 1 } });
    await client.hello();
    return reached;
  } finally {
    server.server.off("connection", onConnection);
  }
}

describe("two backends starting at once over a stale socket", () => {
  it(`lets exactly one listen, on the path, and refuses the other with socket_in_use (${iterations} tries, in one process)`, async () => {
    const paths = Array.from({ length: iterations }, (_, i) => temp.socket(`r${i}.sock`));
    await leaveStaleSockets(paths);
    for (const path of paths) {
      const results = await Promise.allSettled([serveOnSocket(app, path), serveOnSocket(app, path)]);
      const started = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
      const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
      try {
        expect(started).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(refused[0]).toBeInstanceOf(SocketListenError);
        expect((refused[0] as SocketListenError).code).toBe("socket_in_use");
        expect(await pathReaches(started[0]!, path)).toBe(true);
      } finally {
        await Promise.all(started.map((server) => server.close(50)));
      }
    }
  });

  describe("in two processes", () => {
    const entry = fileURLToPath(new URL("testing/serve-on-command.ts", import.meta.url));
    const children: ChildProcess[] = [];
    const replies = new Map<ChildProcess, ServeReply[]>();

    const next = (child: ChildProcess): Promise<ServeReply> =>
      new Promise((resolve, reject) => {
        const queued = replies.get(child)?.shift();
        if (queued !== undefined) return resolve(queued);
        const onExit = () => reject(new Error("child exited"));
        child.once("exit", onExit);
        child.once("message", () => {
          child.off("exit", onExit);
          resolve(replies.get(child)!.shift()!);
        });
      });
    const send = (child: ChildProcess, command: ServeCommand) => child.send(command);

    beforeAll(async () => {
      for (let i = 0; i < 2; i++) {
        const child = fork(entry, [], {
          execArgv: ["--conditions=@dext/source"],
          stdio: ["ignore", "inherit", "inherit", "ipc"],
        });
        replies.set(child, []);
        child.on("message", (message: ServeReply) => replies.get(child)!.push(message));
        children.push(child);
      }
      await Promise.all(children.map(next));
    }, 30_000);
    afterAll(() => {
      for (const child of children) child.kill();
    });

    it(`lets exactly one of two processes listen, and the other fails with socket_in_use (${iterations} tries)`, async () => {
      const paths = Array.from({ length: iterations }, (_, i) => temp.socket(`p${i}.sock`));
      await leaveStaleSockets(paths);
      for (const path of paths) {
        for (const child of children) send(child, { serve: path });
        const outcomes = await Promise.all(children.map(next));
        try {
          const listening = outcomes.filter((outcome) => "listening" in outcome);
          const refused = outcomes.filter((outcome) => "refused" in outcome);
          expect({ listening: listening.length, refused: refused.map((outcome) => outcome.refused) }).toEqual({
            listening: 1,
            refused: ["socket_in_use"],
          });
          expect((await lstat(path)).isSocket()).toBe(true);
          const client = createBackendClient(greetingContract, createSocketTransport(path), { retry: { attempts: 1 } });
          await expect(client.hello()).resolves.toEqual({ message: "Hello, world!" });
        } finally {
          for (const child of children) send(child, { close: true });
          await Promise.all(children.map(next));
        }
      }
    }, 60_000);
  });
});
