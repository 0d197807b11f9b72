import type { RequestListener, Server, ServerResponse } from "node:http";

const defaultGraceMs = 8_000;

/**
 * How long connections idle at the stop may still carry one last request (answered with
 * `Connection: close`) before they are closed. Closing them at once races with clients that are
 * writing their next request at that moment: they would see a reset for a request never read.
 */
const idleLingerMs = 250;

/**
 * Event-loop turns to wait, after the linger, before the listener closes: in the first it
 * accepts the connections the kernel had already queued, in the next their request bytes are
 * parsed, so none of them is mistaken for idle and dropped. Counted in turns, not time: a starved
 * process gets no turn in a given time. One turn to spare.
 */
const settleTurns = 3;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Wraps the handler so that, once draining begins, every response not yet started tells its
 * client to close the connection: the client then opens a new connection (refused cleanly, its
 * request never sent) instead of writing the next request onto one the server is about to close.
 */
export function drainable(handler: RequestListener): { listener: RequestListener; beginDrain: () => void } {
  const pending = new Set<ServerResponse>();
  let draining = false;
  const listener: RequestListener = (req, res) => {
    if (draining) res.setHeader("connection", "close");
    else {
      pending.add(res);
      res.once("close", () => pending.delete(res));
    }
    handler(req, res);
  };
  const beginDrain = () => {
    draining = true;
    for (const res of pending) if (!res.headersSent) res.setHeader("connection", "close");
    pending.clear();
  };
  return { listener, beginDrain };
}

/**
 * The close of a running server, in an order that loses no request a client already sent:
 * refuse new connections (`refuseNew`, e.g. unlink the socket path, which stops new connects
 * while the listener still accepts what was queued), give idle keep-alive connections a short
 * linger, let queued requests arrive, stop listening, close idle connections as they appear, and
 * drop what is left once `graceMs` has passed since the close began.
 */
export function gracefulCloser(
  server: Server,
  beginDrain: () => void,
  refuseNew: () => void,
): (graceMs?: number) => Promise<void> {
  let closing: Promise<void> | undefined;
  const close = async (graceMs: number) => {
    const deadline = Date.now() + graceMs;
    beginDrain();
    refuseNew();
    await new Promise((resolve) => setTimeout(resolve, Math.min(idleLingerMs, graceMs / 2)));
    for (let turn = 0; turn < settleTurns; turn++) await nextTurn();
    await new Promise<void>((resolve) => {
      // Connections that finish a request begun before the stop become idle; close those as they appear.
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      const force = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now()));
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(force);
        resolve();
      });
    });
  };
  return (graceMs = defaultGraceMs) => (closing ??= close(graceMs));
}
