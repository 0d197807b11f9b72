import { unlinkSync } from "node:fs";
import { chmod, lstat, mkdir, unlink } from "node:fs/promises";
import { createServer } from "node:http";
import { connect } from "node:net";
import { dirname } from "node:path";
import { SocketListenError } from "./errors.ts";
import { drainable, gracefulCloser } from "./graceful-close.ts";
import { checkSocketPath } from "./listen-options.ts";
import { lockSocketPath } from "./socket-lock.ts";
import { closingUnreadBodies } from "./unread-body.ts";
import type { RequestListener, Server } from "node:http";
import type { ListenOptions } from "./listen-options.ts";

export interface RunningServer {
  readonly server: Server;
  /** The socket path, or `http://host:port` in port mode. */
  readonly address: string;
  /**
   * Removes the socket file (new clients are refused), serves what was already sent, lets
   * in-flight requests finish, closes idle keep-alive connections, and after `graceMs` drops
   * whatever is left. Safe to call twice.
   */
  close(graceMs?: number): Promise<void>;
}

export interface ServeOptions {
  /**
   * File mode of the socket, 0o660 by default: the owner and its group may connect, nobody else.
   * Desktop's proxy connects as root in the VM, which any mode lets in; a backend that runs as
   * another user and must accept a non-root peer chooses a wider mode here.
   */
  socketMode?: number | undefined;
  /**
   * How long a client may take to send a request's headers (default 10 s); after that Node answers
   * a bare 408 and closes. Desktop's proxy sends them at once: only a stalled or hostile client waits.
   */
  headersTimeoutMs?: number | undefined;
  /**
   * How long a whole request may take to arrive, headers and body (default 30 s). A backstop
   * behind the app's own `bodyTimeoutMs`, which answers in the error shape first; keep it longer.
   */
  requestTimeoutMs?: number | undefined;
}

export const defaultHeadersTimeoutMs = 10_000;
export const defaultRequestTimeoutMs = 30_000;

/** Node's timeouts, and a check of them often enough to keep them (Node checks every 30 s by default). */
function createHttpServer(listener: RequestListener, options: ServeOptions): Server {
  const headersTimeout = options.headersTimeoutMs ?? defaultHeadersTimeoutMs;
  const requestTimeout = Math.max(headersTimeout, options.requestTimeoutMs ?? defaultRequestTimeoutMs);
  const connectionsCheckingInterval = Math.max(10, Math.min(1_000, Math.floor(headersTimeout / 4)));
  return createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, listener);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** True when something accepts connections on the socket: that is another live backend. */
function socketAnswers(path: string, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    const done = (answered: boolean) => {
      probe.destroy();
      resolve(answered);
    };
    probe.setTimeout(timeoutMs, () => done(true));
    probe.once("connect", () => done(true));
    probe.once("error", () => done(false));
  });
}

/**
 * A socket file left by a backend that died (or by the previous install, after an update) must
 * not stop this one from starting; a socket a live server answers, or a file that is not a
 * socket, must not be deleted.
 */
async function clearStaleSocket(path: string): Promise<void> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw new SocketListenError("socket_dir_unusable", `Cannot inspect ${path}: ${String(error)}`, { cause: error });
  }
  if (!stats.isSocket()) {
    throw new SocketListenError(
      "socket_path_not_socket",
      `${path} exists and is not a socket; refusing to replace it. Remove it or choose another path.`,
    );
  }
  if (await socketAnswers(path)) {
    throw new SocketListenError(
      "socket_in_use",
      `Another server is already listening on ${path}. Stop it first, or choose another socket.`,
    );
  }
  await unlink(path).catch((error: unknown) => {
    if (errorCode(error) !== "ENOENT") throw error;
  });
}

function listen(server: Server, target: { path: string } | { port: number; host: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(target, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Serves `handler` (an Express app or any request listener) on a Unix socket or a TCP port. A body
 * nobody reads is not drained whoever answered (see closingUnreadBodies).
 */
export async function serve(
  handler: RequestListener,
  where: ListenOptions,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const { listener, beginDrain } = drainable(closingUnreadBodies(handler));
  const server = createHttpServer(listener, options);
  if (where.kind === "port") {
    await listen(server, { port: where.port, host: where.host });
    const address = server.address();
    const port = typeof address === "object" && address !== null ? address.port : where.port;
    return {
      server,
      address: `http://${where.host}:${port}`,
      close: gracefulCloser(server, beginDrain, () => undefined),
    };
  }
  const path = checkSocketPath(where.path);
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw new SocketListenError("socket_dir_unusable", `Cannot create ${dirname(path)}: ${String(error)}`, {
      cause: error,
    });
  }
  // Held from the look at the old socket to the new one's mode: see lockSocketPath.
  const unlock = await lockSocketPath(path);
  try {
    await clearStaleSocket(path);
    try {
      await listen(server, { path });
    } catch (error) {
      if (errorCode(error) === "EADDRINUSE") {
        throw new SocketListenError("socket_in_use", `Another server took ${path} while this one was starting.`, {
          cause: error,
        });
      }
      throw error;
    }
    await chmod(path, options.socketMode ?? 0o660).catch((error: unknown) => {
      server.close();
      throw error;
    });
  } finally {
    await unlock();
  }
  // Removed first thing on close, and only then: once the path is free a successor may create its
  // own socket there, which a late unlink would delete.
  const removeSocket = () => {
    try {
      unlinkSync(path);
    } catch {
      // Already gone: someone removed it by hand; nothing to stop.
    }
  };
  return { server, address: path, close: gracefulCloser(server, beginDrain, removeSocket) };
}

/** Shorthand for {@link serve} on a socket path. */
export function serveOnSocket(
  handler: RequestListener,
  path: string,
  options: ServeOptions = {},
): Promise<RunningServer> {
  return serve(handler, { kind: "socket", path }, options);
}
