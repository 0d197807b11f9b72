// docker exec's start failures, as engines print them, turned into the host's missing-command
// result; everything else passes through untouched. Runs without an engine: the engine's output
// is fed as it arrives, in chunks.
import { describe, expect, it } from "vitest";
import { dockerExecOutput } from "./docker-exec-failure.ts";
import type { ExecEvent } from "../protocol/index.ts";

function run(chunks: string[], code: number | null): ExecEvent[] {
  const events: ExecEvent[] = [];
  const output = dockerExecOutput((event) => events.push(event));
  for (const chunk of chunks) output.stdout(chunk);
  output.exit(code, null);
  return events;
}

const notFound =
  'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\r\n';

describe("docker exec's output", () => {
  it.each([
    ["an engine with moby/moby#48552 (127)", 127],
    ["an older engine (126)", 126],
  ])("turns a missing command on %s into code 127 with the runtime's words on stderr", (_label, code) => {
    expect(run([notFound], code)).toEqual([
      { type: "stderr", data: notFound.replace("\r\n", "\n") },
      { type: "exit", code: 127, signal: null },
    ]);
  });

  it("recognises the message however it is cut into chunks", () => {
    expect(run([notFound.slice(0, 2), notFound.slice(2, 19), notFound.slice(19)], 126)).toEqual(run([notFound], 126));
  });

  it("keeps 126 for a program the runtime found but could not run", () => {
    const denied =
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "/data": permission denied: unknown\r\n';
    expect(run([denied], 126)).toEqual([
      { type: "stderr", data: denied.replace("\r\n", "\n") },
      { type: "exit", code: 126, signal: null },
    ]);
  });

  it("passes a program's own output through, even one that starts like the runtime's message", () => {
    expect(run(["O", "K\n", "more\n"], 0)).toEqual([
      { type: "stdout", data: "OK\n" },
      { type: "stdout", data: "more\n" },
      { type: "exit", code: 0, signal: null },
    ]);
    expect(run(["OCI runtime exec failed, said the test\n"], 0)).toEqual([
      { type: "stdout", data: "OCI runtime exec failed, said the test\n" },
      { type: "exit", code: 0, signal: null },
    ]);
    expect(run([], 3)).toEqual([{ type: "exit", code: 3, signal: null }]);
  });
});
