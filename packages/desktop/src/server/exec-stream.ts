import type { ServerResponse } from "node:http";
import type { ExecEvent } from "../protocol/index.js";
import type { ProcessGroups } from "./process-group.js";
import type { ProcessSpec } from "./vm-runtime.js";

/**
 * Runs a command with no shell and streams it to the page as NDJSON: output as it arrives, then
 * one `exit`. When the page goes away (stream `close()`, tab closed) the command's whole process
 * group gets SIGTERM, then SIGKILL, as Desktop ends streams started by a tab the user leaves.
 */
export function streamExec(spec: ProcessSpec, groups: ProcessGroups, response: ServerResponse, abort: AbortSignal): void {
  response.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
  const send = (event: ExecEvent) => {
    if (!response.writableEnded) response.write(`${JSON.stringify(event)}\n`);
  };
  let child;
  try {
    child = groups.spawn(spec);
  } catch (error) {
    send({ type: "stderr", data: `exec: ${error instanceof Error ? error.message : String(error)}\n` });
    send({ type: "exit", code: 126, signal: null });
    response.end();
    return;
  }
  const started = child;
  started.stdout?.setEncoding("utf8").on("data", (data: string) => send({ type: "stdout", data }));
  started.stderr?.setEncoding("utf8").on("data", (data: string) => send({ type: "stderr", data }));
  started.once("error", (error: NodeJS.ErrnoException) => {
    // What `docker exec` reports for a command the container does not have.
    const notFound = error.code === "ENOENT";
    send({ type: "stderr", data: notFound ? `exec: "${spec.file}": executable file not found in $PATH\n` : `exec: ${error.message}\n` });
    send({ type: "exit", code: notFound ? 127 : 126, signal: null });
    response.end();
  });
  started.once("close", (code, signal) => {
    send({ type: "exit", code, signal });
    response.end();
  });
  if (abort.aborted) void groups.end(started);
  else abort.addEventListener("abort", () => void groups.end(started), { once: true });
}
