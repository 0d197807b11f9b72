import { Readable } from "node:stream";
import { dockerExecOutput } from "./docker-exec-failure.ts";
import { findOnHostPath } from "./host-path.ts";
import type { ExecEvent } from "../protocol/index.ts";
import type { ExecOutput } from "./docker-exec-failure.ts";
import type { ProcessGroups } from "./process-group.ts";
import type { ExecStartFailure, ProcessSpec } from "./vm-runtime.ts";

/** What the host answers for a program that is not there, in every target and mode: docker's words on stderr, code 127. */
export function missingCommand(name: string, detail?: string): ExecStartFailure {
  return {
    stderr: `exec: "${name}": executable file not found in $PATH${detail === undefined ? "" : ` (${detail})`}\n`,
    code: 127,
  };
}

/** An exec that cannot start, answered as one that ran and failed: its reason on stderr, then its exit code. */
export function execFailureEvents(failure: ExecStartFailure): AsyncIterable<ExecEvent> {
  return Readable.from([
    { type: "stderr", data: failure.stderr },
    { type: "exit", code: failure.code, signal: null },
  ] satisfies ExecEvent[]);
}

/**
 * Runs a command with no shell, its events as they come: output as it arrives, then one `exit`.
 * When `abort` fires (the page's stream `close()`, its tab closed) the command's whole process
 * group gets SIGTERM, then SIGKILL, as Desktop ends streams started by a tab the user leaves.
 */
export function execEvents(spec: ProcessSpec, groups: ProcessGroups, abort: AbortSignal): AsyncIterable<ExecEvent> {
  // A bare name is this machine's program, found on the host's PATH, never on the env a page sent.
  const file = spec.file.includes("/") ? spec.file : findOnHostPath(spec.file);
  if (file === undefined) return execFailureEvents(missingCommand(spec.file));
  // A queue the child's events are pushed into and the answer reads from, in order.
  const events = new Readable({ objectMode: true, read: () => undefined });
  let ended = false;
  const send = (event: ExecEvent) => {
    if (!ended && !events.destroyed) events.push(event);
  };
  const end = () => {
    if (!ended && !events.destroyed) events.push(null);
    ended = true;
  };
  const output: ExecOutput =
    spec.dockerExec === true
      ? dockerExecOutput(send)
      : {
          stdout: (data) => send({ type: "stdout", data }),
          exit: (code, signal) => send({ type: "exit", code, signal }),
        };
  let child;
  try {
    child = groups.spawn({ ...spec, file });
  } catch (error) {
    return execFailureEvents({
      stderr: `exec: ${error instanceof Error ? error.message : String(error)}\n`,
      code: 126,
    });
  }
  const started = child;
  started.stdout?.setEncoding("utf8").on("data", (data: string) => output.stdout(data));
  started.stderr?.setEncoding("utf8").on("data", (data: string) => send({ type: "stderr", data }));
  started.once("error", (error: NodeJS.ErrnoException) => {
    // What `docker exec` reports for a command the container does not have.
    const failure =
      error.code === "ENOENT" ? missingCommand(spec.file) : { stderr: `exec: ${error.message}\n`, code: 126 };
    send({ type: "stderr", data: failure.stderr });
    send({ type: "exit", code: failure.code, signal: null });
    end();
  });
  started.once("close", (code, signal) => {
    output.exit(code, signal);
    end();
  });
  if (abort.aborted) void groups.end(started);
  else abort.addEventListener("abort", () => void groups.end(started), { once: true });
  return events;
}
