/** What each connection failure means for the user, without the socket's path. */
const reasons: Readonly<Record<string, string>> = {
  ENOENT: "its socket does not exist (is the engine, or the engine proxy, running?)",
  ECONNREFUSED: "nothing is listening on its socket (is the engine, or the engine proxy, running?)",
  EACCES: "permission to use its socket was denied",
  EPERM: "permission to use its socket was denied",
  ECONNRESET: "the connection was reset",
  EPIPE: "the connection was closed",
  ENOTSOCK: "its socket path is not a socket",
};

/**
 * The message for an engine that cannot be reached. Node's own (`connect ECONNREFUSED
 * /run/engine-proxy/engine.sock`) names the socket, which says how the stack is laid out to
 * whoever reads the error: the path goes to the log (the start-up line names it), not into answers.
 */
export function engineUnreachableMessage(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : reasons[code];
  return `The Docker engine is not reachable: ${reason ?? `the connection failed${code === undefined ? "" : ` (${code})`}`}`;
}
