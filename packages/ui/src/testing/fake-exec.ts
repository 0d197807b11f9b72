import type { v1 } from "@docker/extension-api-client-types";
import type { FakeCall, FakeExecApi } from "./call-log.js";
import { ExecFailure, execResult, outputLines } from "./exec-result.js";

/**
 * What a fake command does: return (or resolve) its result, or return or throw an
 * `execFailure(...)` to fail the way Desktop fails a non-zero exit. One handler serves both buffered and streamed
 * calls; the fake turns its outcome into stream callbacks when `options.stream` is set.
 */
export type FakeExecHandler = (
  cmd: string,
  args: string[],
  options?: v1.ExecOptions | v1.SpawnOptions,
) => v1.ExecResult | Promise<v1.ExecResult>;

/** The default command: succeeds with no output. */
export const emptyExec: FakeExecHandler = () => execResult("");

/** A recording `Exec` (both overloads) driven by `handler`. */
export function createFakeExec(calls: FakeCall[], api: FakeExecApi, handler: FakeExecHandler): v1.Exec {
  function exec(cmd: string, args: string[], options?: v1.ExecOptions): Promise<v1.ExecResult>;
  function exec(cmd: string, args: string[], options: v1.SpawnOptions): v1.ExecProcess;
  function exec(
    ...call: [cmd: string, args: string[], options?: v1.ExecOptions | v1.SpawnOptions]
  ): Promise<v1.ExecResult> | v1.ExecProcess {
    calls.push({ api, args: call });
    const [cmd, args, options] = call;
    // Run the handler after the caller has its promise or process, as a real command would, and
    // turn a synchronous throw into a rejection. A returned ExecFailure fails too: it is easy to
    // write `() => execFailure(...)` and mean it.
    const outcome = Promise.resolve()
      .then(() => handler(cmd, args, options))
      .then((result) => {
        if (result instanceof ExecFailure) throw result;
        return result;
      });
    if (options !== undefined && "stream" in options) {
      const recordClose = (): void => {
        calls.push({ api: `${api}.close`, args: [cmd, args] });
      };
      return streamOutcome(outcome, options.stream, recordClose);
    }
    return outcome;
  }
  return exec;
}

// Plays a finished command back through the stream callbacks. `close()` stops the playback, like
// the SIGTERM Desktop sends when the user leaves the tab.
function streamOutcome(
  outcome: Promise<v1.ExecResult>,
  stream: v1.ExecStreamOptions,
  recordClose: () => void,
): v1.ExecProcess {
  let closed = false;
  const play = (result: v1.RawExecResult, exitCode: number): void => {
    for (const stdout of chunks(result.stdout, stream)) if (!closed) stream.onOutput?.({ stdout });
    for (const stderr of chunks(result.stderr, stream)) if (!closed) stream.onOutput?.({ stderr });
    if (!closed) stream.onClose?.(exitCode);
  };
  void outcome.then(
    (result) => {
      play(result, result.code ?? 0);
    },
    (error: unknown) => {
      if (error instanceof ExecFailure) play(error, error.code);
      else if (!closed) stream.onError?.(error);
    },
  );
  return {
    close: () => {
      if (closed) return;
      closed = true;
      recordClose();
    },
  };
}

function chunks(output: string, stream: v1.ExecStreamOptions): string[] {
  if (stream.splitOutputLines === true) return outputLines(output);
  return output === "" ? [] : [output];
}
