import { dockerExecOutput } from "./docker-exec-failure.ts";
import { findOnHostPath } from "./host-path.ts";
import type { ServerResponse } from "node:http";
import type { ExecEvent } from "../protocol/index.ts";
import type { ExecOutput } from "./docker-exec-failure.ts";
import type { ProcessGroups } from "./process-group.ts";
import type { ExecStartFailure, ProcessSpec } from "./vm-runtime.ts";

const ndjsonHeaders = {
  "content-type": "application/x-ndjson; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

/** What the host answers for a program that is not there, in every target and mode: docker's words on stderr, code 127. */
export function missingCommand(name: string, detail?: string): ExecStartFailure {
  return {
    stderr: `exec: "${name}": executable file not found in $PATH${detail === undefined ? "" : ` (${detail})`}\n`,
    code: 127,
  };
}

/** An exec that cannot start, answered as one that ran and failed: its reason on stderr, then its exit code. */
export function sendExecFailure(response: ServerResponse, failure: ExecStartFailure): void {
  response.writeHead(200, ndjsonHeaders);
  response.end(
    `${JSON.stringify({ type: "stderr", data: failure.stderr } satisfies ExecEvent)}\n${JSON.stringify({ type: "exit", code: failure.code, signal: null } satisfies ExecEvent)}\n`,
  );
}

/**
 * Runs a command with no shell and streams it to the page as NDJSON: output as it arrives, then
 * one `exit`. When the page goes away (stream `close()`, tab closed) the command's whole process
 * group gets SIGTERM, then SIGKILL, as Desktop ends streams started by a tab the user leaves.
 */
export function streamExec(
  spec: ProcessSpec,
  groups: ProcessGroups,
  response: ServerResponse,
  abort: AbortSignal,
): void {
  // A bare name is this machine's program, found on the host's PATH, never on the env a page sent.
  const file = spec.file.includes("/") ? spec.file : findOnHostPath(spec.file);
  if (file === undefined) return sendExecFailure(response, missingCommand(spec.file));
  response.writeHead(200, ndjsonHeaders);
  const send = (event: ExecEvent) => {
    if (!response.writableEnded) response.write(`${JSON.stringify(event)}\n`);
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
    send({ type: "stderr", data: `exec: ${error instanceof Error ? error.message : String(error)}\n` });
    send({ type: "exit", code: 126, signal: null });
    response.end();
    return;
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
    response.end();
  });
  started.once("close", (code, signal) => {
    output.exit(code, signal);
    response.end();
  });
  if (abort.aborted) void groups.end(started);
  else abort.addEventListener("abort", () => void groups.end(started), { once: true });
}
