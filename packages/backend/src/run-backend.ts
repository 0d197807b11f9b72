import { createBackendApp } from "./create-backend-app.ts";
import { SocketListenError } from "./errors.ts";
import { resolveListenOptions } from "./listen-options.ts";
import { defaultBodyTimeoutMs } from "./read-json-body.ts";
import { createLogger } from "./logger.ts";
import { defaultHeadersTimeoutMs, defaultRequestTimeoutMs, serve } from "./serve-on-socket.ts";
import type { Contract } from "./client/contract.ts";
import type { JobDefinition } from "./client/job.ts";
import type { Handlers } from "./create-backend-app.ts";
import type { JobRegistry } from "./job-registry.ts";
import type { Logger } from "./logger.ts";
import type { RunningServer } from "./serve-on-socket.ts";
import type { RequestListener } from "node:http";

/** What every backend process takes, whatever serves its requests. */
interface BackendProcessOptions {
  /** The extension's name: default socket `/run/guest-services/<name>.sock`, log name. */
  name: string;
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  logger?: Logger;
  /**
   * How long in-flight requests may take to finish on SIGTERM. Docker kills a container 10 s
   * after SIGTERM, so this stays well below that to leave time for removing the socket.
   */
  shutdownGraceMs?: number;
  /**
   * How long a request body may take to arrive (default 10 s); a slower one is answered 408. With
   * `listener`, the listener's own body timeout: Node's cut-off for a whole request is kept behind it.
   */
  bodyTimeoutMs?: number;
  /** File mode of the socket, 0o660 by default (see `ServeOptions.socketMode`). */
  socketMode?: number;
  /** Job registries whose running jobs are cancelled on SIGTERM, so their runners can clean up. */
  jobs?: readonly Pick<JobRegistry<JobDefinition>, "cancelAll">[];
}

/** A contract and its handlers, served by `createBackendApp` (the fast default). */
export interface RunBackendOptions<C extends Contract> extends BackendProcessOptions {
  contract: C;
  handlers: Handlers<C>;
  bodyLimit?: string;
}

/**
 * Any `node:http` request listener, an Express app with `@dext/backend/express`'s router say, served
 * with the same socket, logs, signals and exit codes.
 */
export interface RunListenerBackendOptions extends BackendProcessOptions {
  listener: RequestListener;
}

/**
 * The whole life of a backend process: serve a contract (or any request listener, an Express app
 * say) where Desktop (or a flag) says, log as JSON to stdout, and on SIGTERM or SIGINT drain,
 * remove the socket and exit 0. A start-up failure (socket in use, bad path) is logged with its
 * reason and exits 1.
 */
export async function runBackend<C extends Contract>(
  options: RunBackendOptions<C> | RunListenerBackendOptions,
): Promise<RunningServer | undefined> {
  const logger = options.logger ?? createLogger({ name: options.name });
  const graceMs = options.shutdownGraceMs ?? 8_000;
  let running: RunningServer | undefined;
  let stopSignal: NodeJS.Signals | undefined;

  const shutDown = (server: RunningServer, signal: NodeJS.Signals) => {
    logger.info("stopping", { signal, graceMs });
    for (const registry of options.jobs ?? []) registry.cancelAll();
    void server.close(graceMs).then(() => {
      logger.info("stopped", { signal });
      process.exit(0);
    });
  };
  // Installed before anything is announced: a supervisor that signals as soon as it reads
  // "listening" would otherwise hit Node's default action and kill the process mid-request.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopSignal !== undefined) return;
    stopSignal = signal;
    if (running !== undefined) shutDown(running, signal);
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);

  try {
    const where = resolveListenOptions({ name: options.name, argv: options.argv, env: options.env });
    const app =
      "listener" in options
        ? options.listener
        : createBackendApp({
            contract: options.contract,
            handlers: options.handlers,
            logger,
            bodyLimit: options.bodyLimit,
            bodyTimeoutMs: options.bodyTimeoutMs,
          });
    // Node's cut-off for a whole request stays behind the app's body timeout, so a slow body
    // gets the app's 408 in the error shape rather than Node's bare one.
    const requestTimeoutMs = Math.max(
      defaultRequestTimeoutMs,
      defaultHeadersTimeoutMs + (options.bodyTimeoutMs ?? defaultBodyTimeoutMs) + 10_000,
    );
    running = await serve(app, where, { socketMode: options.socketMode, requestTimeoutMs });
  } catch (error) {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    if (!(error instanceof SocketListenError)) throw error;
    logger.error("cannot start backend", { code: error.code, reason: error.message });
    console.error(`${options.name}: ${error.message}`);
    process.exitCode = 1;
    return undefined;
  }
  logger.info("listening", { address: running.address, pid: process.pid });
  // A signal that came while the socket was being set up.
  if (stopSignal !== undefined) shutDown(running, stopSignal);
  return running;
}
