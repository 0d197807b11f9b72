import { parseArgs } from "node:util";
import { guestServicesSocketPath, maxSocketPathBytesWithoutNul, socketPathBytes } from "@dext/desktop-facts";
import { SocketListenError } from "./errors.ts";

export type ListenOptions = { kind: "socket"; path: string } | { kind: "port"; port: number; host: string };

export interface ResolveListenOptions {
  /** The extension's name, used for the default socket `/run/guest-services/<name>.sock`. */
  name: string;
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Decides where the backend listens: `--socket <path>` or `DEXT_SOCKET`, else `--port <n>` or
 * `DEXT_PORT` (TCP on 127.0.0.1, for local debugging), else the socket Desktop expects.
 */
export function resolveListenOptions(options: ResolveListenOptions): ListenOptions {
  const env = options.env ?? process.env;
  let values: { socket?: string | undefined; port?: string | undefined; host?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...(options.argv ?? process.argv.slice(2))],
      options: { socket: { type: "string" }, port: { type: "string" }, host: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SocketListenError(
      "invalid_listen_options",
      `${reason}. Usage: [--socket <path>] | [--port <n> [--host <addr>]]`,
      { cause },
    );
  }
  const socket = values.socket ?? env.DEXT_SOCKET;
  const port = values.port ?? env.DEXT_PORT;
  if (socket !== undefined && values.port !== undefined) {
    throw new SocketListenError("invalid_listen_options", "Pass either --socket or --port, not both");
  }
  if (socket !== undefined && socket !== "") return { kind: "socket", path: checkSocketPath(socket) };
  if (port !== undefined && port !== "") {
    const number = Number(port);
    if (!Number.isInteger(number) || number < 0 || number > 65_535) {
      throw new SocketListenError("invalid_listen_options", `Port must be an integer from 0 to 65535, got "${port}"`);
    }
    return { kind: "port", port: number, host: values.host ?? env.DEXT_HOST ?? "127.0.0.1" };
  }
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(options.name)) {
    throw new SocketListenError("invalid_listen_options", `Extension name "${options.name}" cannot name a socket file`);
  }
  return { kind: "socket", path: checkSocketPath(guestServicesSocketPath(`${options.name}.sock`)) };
}

export function checkSocketPath(path: string): string {
  const bytes = socketPathBytes(path);
  if (bytes > maxSocketPathBytesWithoutNul) {
    throw new SocketListenError(
      "socket_path_too_long",
      `Socket path is ${bytes} bytes, over the ${maxSocketPathBytesWithoutNul}-byte limit of Unix sockets on macOS: ${path}. Use a shorter folder or file name.`,
    );
  }
  return path;
}
