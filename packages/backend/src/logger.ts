import type { Writable } from "node:stream";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, stack: value.stack };
}

/**
 * One JSON object per line on stdout: Docker Desktop shows a VM service's stdout as the
 * container's logs, and JSON lines stay greppable there and in `docker logs`.
 */
export function createLogger(options: { name: string; level?: LogLevel; stream?: Writable } ): Logger {
  const stream = options.stream ?? process.stdout;
  const threshold = rank[options.level ?? "info"];
  const write = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (rank[level] < threshold) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, name: options.name, msg };
    for (const [key, value] of Object.entries(fields)) entry[key] = serializeError(value);
    stream.write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
  };
}

/** For tests and embedding: drops everything. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
