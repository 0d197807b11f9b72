import { spawn } from "node:child_process";
import type { ServerResponse } from "node:http";
import type { ExecEvent } from "../protocol/index.js";
import type { ProcessSpec } from "./vm-runtime.js";

/**
 * Runs a command with no shell and streams it to the page as NDJSON: output as it arrives, then
 * one `exit`. When the page goes away (stream `close()`, tab closed) the process gets SIGTERM, as
 * Desktop does for streams started by a tab the user leaves.
 */
export function streamExec(spec: ProcessSpec, response: ServerResponse, abort: AbortSignal): void {
  response.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
  const send = (event: ExecEvent) => {
    if (!response.writableEnded) response.write(`${JSON.stringify(event)}\n`);
  };
  let child;
  try {
    child = spawn(spec.file, spec.args, { cwd: spec.cwd, env: spec.env, shell: false, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    send({ type: "stderr", data: `exec: ${error instanceof Error ? error.message : String(error)}\n` });
    send({ type: "exit", code: 126, signal: null });
    response.end();
    return;
  }
  child.stdout.setEncoding("utf8").on("data", (data: string) => send({ type: "stdout", data }));
  child.stderr.setEncoding("utf8").on("data", (data: string) => send({ type: "stderr", data }));
  child.once("error", (error: NodeJS.ErrnoException) => {
    // What `docker exec` reports for a command the container does not have.
    const notFound = error.code === "ENOENT";
    send({ type: "stderr", data: notFound ? `exec: "${spec.file}": executable file not found in $PATH\n` : `exec: ${error.message}\n` });
    send({ type: "exit", code: notFound ? 127 : 126, signal: null });
    response.end();
  });
  child.once("close", (code, signal) => {
    send({ type: "exit", code, signal });
    response.end();
  });
  abort.addEventListener("abort", () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  });
}
