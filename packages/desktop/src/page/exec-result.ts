import type { v1 } from "@docker/extension-api-client-types";

function outputLines(output: string): string[] {
  return output.split(/\r?\n/).filter((line) => line !== "");
}

/** An `ExecResult` with the helpers Desktop adds: `lines`, `parseJsonLines`, `parseJsonObject`. */
export function toExecResult(raw: v1.RawExecResult): v1.ExecResult {
  return {
    ...raw,
    lines: () => outputLines(raw.stdout),
    parseJsonLines: () => outputLines(raw.stdout).map((line): unknown => JSON.parse(line)),
    parseJsonObject: (): unknown => JSON.parse(raw.stdout),
  };
}

/** Splits a stream of chunks into whole lines for `splitOutputLines`, keeping the unfinished tail. */
export function createLineSplitter(emit: (line: string) => void): { push(chunk: string): void; flush(): void } {
  let tail = "";
  return {
    push(chunk) {
      const parts = (tail + chunk).split(/\r?\n/);
      tail = parts.pop() ?? "";
      for (const line of parts) emit(line);
    },
    flush() {
      if (tail !== "") emit(tail);
      tail = "";
    },
  };
}
