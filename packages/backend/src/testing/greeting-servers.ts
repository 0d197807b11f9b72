import { afterEach, beforeEach } from "vitest";
import { createBackendApp } from "../create-backend-app.ts";
import { serveOnSocket } from "../serve-on-socket.ts";
import { greetingContract } from "./greeting-contract.ts";
import { greetingHandlers } from "./greeting-handlers.ts";
import { makeSocketDir } from "./temp-dir.ts";
import type { RequestListener } from "node:http";
import type { RunningServer } from "../serve-on-socket.ts";
import type { SocketDir } from "./temp-dir.ts";

export interface GreetingServers {
  readonly app: RequestListener;
  /** The current test's own short socket folder, removed after it. */
  readonly temp: SocketDir;
  /** The greeting app served on `path`, closed after the test. */
  start: (path: string) => Promise<RunningServer>;
  /** Closes a server started another way after the test too. */
  closeAfter: (server: RunningServer) => RunningServer;
}

/** For the socket tests: the greeting app, a fresh socket folder per test, every server closed after it. */
export function greetingServersPerTest(): GreetingServers {
  const app = createBackendApp({ contract: greetingContract, handlers: greetingHandlers });
  let current: SocketDir | undefined;
  const running: RunningServer[] = [];
  const folder = (): SocketDir => {
    if (current === undefined) throw new Error("the socket folder exists only while a test runs");
    return current;
  };
  beforeEach(async () => {
    current = await makeSocketDir();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close(100)));
    await folder().remove();
    current = undefined;
  });
  const closeAfter = (server: RunningServer) => {
    running.push(server);
    return server;
  };
  return {
    app,
    temp: {
      get dir() {
        return folder().dir;
      },
      socket: (name) => folder().socket(name),
      remove: () => folder().remove(),
    },
    start: async (path) => closeAfter(await serveOnSocket(app, path)),
    closeAfter,
  };
}
