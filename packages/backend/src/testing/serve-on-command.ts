// A process that serves the greeting backend on the socket its parent names, when told to, so a
// test can start several at the same instant without paying a process start for each attempt.
import { createBackendApp } from "../create-backend-app.ts";
import { SocketListenError } from "../errors.ts";
import { serveOnSocket } from "../serve-on-socket.ts";
import { greetingContract } from "./greeting-contract.ts";
import { greetingHandlers } from "./greeting-handlers.ts";
import type { RunningServer } from "../serve-on-socket.ts";

/** What the parent sends. */
export type ServeCommand = { serve: string } | { close: true };
/** What this process answers: `listening`, the code of the refusal, or `closed`. */
export type ServeReply = { listening: true; pid: number } | { refused: string; message: string } | { closed: true };

const app = createBackendApp({ contract: greetingContract, handlers: greetingHandlers });
let running: RunningServer | undefined;

const reply = (message: ServeReply) => process.send?.(message);

process.on("message", (command: ServeCommand) => {
  if ("serve" in command) {
    serveOnSocket(app, command.serve).then(
      (server) => {
        running = server;
        reply({ listening: true, pid: process.pid });
      },
      // Anything but a SocketListenError is reported too, so the test shows it rather than a dead child.
      (error: unknown) =>
        reply({ refused: error instanceof SocketListenError ? error.code : "unexpected", message: String(error) }),
    );
  } else {
    const closing = running?.close(50) ?? Promise.resolve();
    running = undefined;
    void closing.then(() => reply({ closed: true }));
  }
});
reply({ closed: true });
