import type { v1 } from "@docker/extension-api-client-types";
import type { FakeCall, FakeExecApi } from "./call-log.ts";
import { CommandLineError, desktopCommandWords } from "@dext/desktop-facts";
import { ExecFailure, execFailure, execResult, outputLines } from "./exec-result.ts";
import { FakeProcess } from "./fake-process.ts";

/**
 * What a fake command does, given the words Docker Desktop would run (the command and arguments
 * joined and split by shell quoting rules: see @dext/desktop-facts): return (or resolve) its result, or return or throw an
 * `execFailure(...)` to fail the way Desktop fails a non-zero exit. One handler serves both buffered and streamed
 * calls; the fake turns its outcome into stream callbacks when `options.stream` is set. Return a
 * `FakeProcess` instead to drive a long-running command step by step.
 */
export type FakeExecHandler = (
  cmd: string,
  args: string[],
  options?: v1.ExecOptions | v1.SpawnOptions,
) => v1.ExecResult | Promise<v1.ExecResult> | FakeProcess;

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
    const [rawCmd, rawArgs, options] = call;
    let words: { cmd: string; args: string[] };
    let run = handler;
    try {
      words = desktopCommandWords(rawCmd, rawArgs);
    } catch (error) {
      // As the dext host answers a line that does not parse: a command that failed with code 2.
      const reason = error instanceof CommandLineError ? error.message : String(error);
      words = { cmd: rawCmd, args: rawArgs };
      run = () => execFailure("", `exec: ${reason}\n`, 2);
    }
    const { cmd, args } = words;
    // Run the handler after the caller has its promise or process, as a real command would, and
    // turn a synchronous throw into a rejection. A returned ExecFailure fails too: it is easy to
    // write `() => execFailure(...)` and mean it.
    const started = Promise.resolve().then(() => run(cmd, args, options));
    if (options !== undefined && "stream" in options) {
      const recordClose = (): void => {
        calls.push({ api: `${api}.close`, args: [cmd, args] });
      };
      return streamStarted(started, options.stream, recordClose);
    }
    return settled(started);
  }
  return exec;
}

function settled(started: Promise<v1.ExecResult | FakeProcess>): Promise<v1.ExecResult> {
  return started
    .then((result) => (result instanceof FakeProcess ? result.result : result))
    .then((result) => {
      if (result instanceof ExecFailure) throw result;
      return result;
    });
}

// Streams a live FakeProcess as it is written to, or plays a finished command back through the
// stream callbacks. `close()` stops either, like the SIGTERM Desktop sends when the user leaves the tab.
function streamStarted(
  started: Promise<v1.ExecResult | FakeProcess>,
  stream: v1.ExecStreamOptions,
  recordClose: () => void,
): v1.ExecProcess {
  let closed = false;
  let live: FakeProcess | undefined;
  const outcome = started.then((result) => {
    if (!(result instanceof FakeProcess)) return settled(Promise.resolve(result));
    live = result;
    if (closed) result.markClosed();
    else result.attach(stream);
    return new Promise<never>(() => undefined);
  });
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
      live?.markClosed();
      recordClose();
    },
  };
}

function chunks(output: string, stream: v1.ExecStreamOptions): string[] {
  if (stream.splitOutputLines === true) return outputLines(output);
  return output === "" ? [] : [output];
}
