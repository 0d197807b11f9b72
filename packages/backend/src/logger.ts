import { pino } from "pino";
import type { Writable } from "node:stream";
import type { LoggerOptions, Logger as PinoLogger } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** dext's shape for a logged error: what an operator needs, none of pino's `type`/`raw`. */
function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, stack: value.stack };
}

/**
 * The line's shape, as dext has always written it: `level` as its name, `time` as an ISO
 * string, the logger's `name`, `msg`, then the fields. No pid or hostname (a container's are
 * noise), and errors are serialized before pino sees them, so pino's own `err` serializer is
 * replaced by one that leaves them as they are.
 */
function pinoOptions(name: string, level: LogLevel): LoggerOptions {
  return {
    level,
    base: { name },
    messageKey: "msg",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: (value: unknown) => value },
  };
}

/**
 * One JSON object per line, written by pino: Docker Desktop shows a VM service's stdout as the
 * container's logs, and JSON lines stay greppable there and in `docker logs`. By default each
 * line is written to fd 1 synchronously (no buffer, no worker thread), so the lines before a
 * crash, a `process.exit` or a SIGKILL are out.
 */
export function createLogger(options: { name: string; level?: LogLevel; stream?: Writable }): Logger {
  const level = options.level ?? "info";
  // Made on the first line rather than here: a backend's first line is "listening", so the
  // first pino instance's set-up (about 1 ms of CPU, mostly compiling pino's code) comes after
  // the socket accepts instead of before.
  let made: PinoLogger | undefined;
  const pinoLogger = (): PinoLogger => {
    made ??= pino(pinoOptions(options.name, level), options.stream ?? pino.destination({ dest: 1, sync: true }));
    return made;
  };
  // `msg` goes in the object, ahead of the fields: pino would write its message argument last,
  // and readers match `"msg":"…","jobId":…` as dext has always ordered it.
  const entry = (msg: string, fields: Record<string, unknown> | undefined): Record<string, unknown> => {
    const object: Record<string, unknown> = { msg };
    if (fields !== undefined) for (const [key, value] of Object.entries(fields)) object[key] = serializeError(value);
    return object;
  };
  const write = (lineLevel: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    const lines = pinoLogger();
    if (lines.isLevelEnabled(lineLevel)) lines[lineLevel](entry(msg, fields));
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/** A logger that adds the same fields to every line, ahead of the call's own (e.g. `{ extension: id }`). */
export function withFields(logger: Logger, fields: Record<string, unknown>): Logger {
  return {
    debug: (msg, more) => logger.debug(msg, { ...fields, ...more }),
    info: (msg, more) => logger.info(msg, { ...fields, ...more }),
    warn: (msg, more) => logger.warn(msg, { ...fields, ...more }),
    error: (msg, more) => logger.error(msg, { ...fields, ...more }),
  };
}

/** For tests and embedding: drops everything. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
