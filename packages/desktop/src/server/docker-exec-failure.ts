import type { ExecEvent } from "../protocol/index.ts";

/** How the engine's message for an exec it could not start begins (runc and crun, through containerd). */
const runtimeFailure = "OCI runtime exec failed";
/** The runtime's words for a program (or working folder) that is not there. */
const notThere = /executable file not found|no such file or directory/i;

export interface ExecOutput {
  stdout(data: string): void;
  exit(code: number | null, signal: string | null): void;
}

/**
 * `docker exec`'s output, with a start failure reported as the host reports it in folder mode.
 * When the container cannot start the program, the engine writes the runtime's reason into the
 * exec's stdout (docker/cli#2025) and exits 127 (engines with moby/moby#48552) or 126 (before).
 * Desktop documents neither; the host answers a missing command the same way for every target and
 * mode: the reason on stderr, stdout empty, code 127 (126 stays for a program that cannot run).
 * Only the start of stdout is held back, and only while it could still be the runtime's message.
 */
export function dockerExecOutput(send: (event: ExecEvent) => void): ExecOutput {
  let held: string | undefined = "";
  return {
    stdout(data) {
      if (held === undefined) return send({ type: "stdout", data });
      held += data;
      const couldBeFailure =
        held.length < runtimeFailure.length ? runtimeFailure.startsWith(held) : held.startsWith(runtimeFailure);
      if (!couldBeFailure) {
        send({ type: "stdout", data: held });
        held = undefined;
      }
    },
    exit(code, signal) {
      if (held !== undefined && held !== "") {
        if (held.startsWith(runtimeFailure) && (code === 126 || code === 127)) {
          const reason = held.replace(/\r\n/g, "\n");
          send({ type: "stderr", data: reason.endsWith("\n") ? reason : `${reason}\n` });
          send({ type: "exit", code: notThere.test(reason) ? 127 : code, signal });
          return;
        }
        send({ type: "stdout", data: held });
      }
      send({ type: "exit", code, signal });
    },
  };
}
