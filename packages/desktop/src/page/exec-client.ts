import { createLineSplitter, toExecResult } from "./exec-result.ts";
import type { BackendClient } from "@dext/backend/client";
import type { v1 } from "@docker/extension-api-client-types";
import type { extensionApi } from "../protocol/host-api.ts";
import type { ExecEvent, ExecRequest, ExecTarget } from "../protocol/index.ts";
import type { LoadHostApi } from "./host-api-loader.ts";

/** The typed client of an extension's host API. */
export type ExtensionApiClient = BackendClient<typeof extensionApi>;

type OutputCallback = NonNullable<v1.ExecStreamOptions["onOutput"]>;

interface RunHandlers {
  onEvent: (event: ExecEvent) => void;
}

async function runOnHost(
  loadApi: LoadHostApi,
  request: ExecRequest,
  handlers: RunHandlers,
  signal?: AbortSignal,
): Promise<void> {
  const { client, BackendClientError } = await loadApi();
  let events;
  try {
    events = await client.exec({ body: request, signal });
  } catch (error) {
    if (!(error instanceof BackendClientError)) throw error;
    throw new Error(`The dext host refused the command (HTTP ${error.status ?? "none"}): ${error.message}`, {
      cause: error,
    });
  }
  for await (const event of events) handlers.onEvent(event);
}

function checkArgs(cmd: unknown, args: unknown): asserts args is string[] {
  if (typeof cmd !== "string" || cmd === "") throw new TypeError("exec: cmd must be a non-empty string");
  if (!Array.isArray(args) || !args.every((arg) => typeof arg === "string")) {
    // Desktop passes each element as one argument; a single string with spaces is a common mistake.
    throw new TypeError("exec: args must be an array of strings, one element per argument");
  }
}

/**
 * `ExecOptions.cwd` and `env` as the host takes them. Desktop types `env` as Node's ProcessEnv:
 * an undefined value is left out, as Node leaves it out of a child's environment; anything but a
 * string is refused here, so a number never reaches a program as text it did not expect.
 */
function checkOptions(options: v1.ExecOptions | undefined): Pick<ExecRequest, "cwd" | "env"> {
  const picked: Pick<ExecRequest, "cwd" | "env"> = {};
  if (options?.cwd !== undefined) {
    if (typeof options.cwd !== "string" || options.cwd === "")
      throw new TypeError("exec: options.cwd must be a non-empty string");
    picked.cwd = options.cwd;
  }
  const env: unknown = options?.env;
  if (env !== undefined) {
    if (typeof env !== "object" || env === null || Array.isArray(env))
      throw new TypeError("exec: options.env must be an object of strings");
    picked.env = {};
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) continue;
      if (typeof value !== "string")
        throw new TypeError(`exec: options.env.${name} must be a string, got ${typeof value}`);
      picked.env[name] = value;
    }
  }
  return picked;
}

/**
 * `exec` as Desktop implements it: buffered, it resolves with stdout and stderr on exit 0 and
 * rejects with the same shape plus `code` otherwise; streamed, it reports output as it comes
 * (by line with `splitOutputLines`), then `onClose(code)`, and `close()` kills the process.
 */
export function createExec(loadApi: LoadHostApi, target: ExecTarget): v1.Exec {
  function exec(cmd: string, args: string[], options?: v1.ExecOptions): Promise<v1.ExecResult>;
  function exec(cmd: string, args: string[], options: v1.SpawnOptions): v1.ExecProcess;
  function exec(
    cmd: string,
    args: string[],
    options?: v1.ExecOptions | v1.SpawnOptions,
  ): Promise<v1.ExecResult> | v1.ExecProcess {
    if (options !== undefined && "stream" in options) return stream(cmd, args, options);
    return buffered(cmd, args, options);
  }

  async function buffered(cmd: string, args: string[], options: v1.ExecOptions | undefined): Promise<v1.ExecResult> {
    checkArgs(cmd, args);
    const request: ExecRequest = { target, cmd, args, ...checkOptions(options) };
    let stdout = "";
    let stderr = "";
    let exit: Extract<ExecEvent, { type: "exit" }> | undefined;
    let failure: Extract<ExecEvent, { type: "error" }> | undefined;
    await runOnHost(loadApi, request, {
      onEvent: (event) => {
        if (event.type === "stdout") stdout += event.data;
        else if (event.type === "stderr") stderr += event.data;
        else if (event.type === "exit") exit = event;
        else failure = event;
      },
    });
    if (failure !== undefined) throw new Error(failure.message);
    const raw = { cmd: [cmd, ...args].join(" "), killed: exit?.signal != null, stdout, stderr };
    if (exit?.code === 0) return toExecResult(raw);
    // Desktop rejects a non-zero exit with a plain object, not an Error; extensions read its fields.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw { ...raw, code: exit?.code ?? undefined, signal: exit?.signal ?? undefined };
  }

  function stream(cmd: string, args: string[], spawnOptions: v1.SpawnOptions): v1.ExecProcess {
    const options = spawnOptions.stream;
    const controller = new AbortController();
    const onOutput: OutputCallback = (data) => {
      if (!controller.signal.aborted) options.onOutput?.(data);
    };
    const stdoutLines = createLineSplitter((line) => onOutput({ stdout: line }));
    const stderrLines = createLineSplitter((line) => onOutput({ stderr: line }));
    const split = options.splitOutputLines === true;
    const run = async () => {
      checkArgs(cmd, args);
      await runOnHost(
        loadApi,
        { target, cmd, args, ...checkOptions(spawnOptions) },
        {
          onEvent: (event) => {
            if (event.type === "stdout") {
              if (split) stdoutLines.push(event.data);
              else onOutput({ stdout: event.data });
            } else if (event.type === "stderr") {
              if (split) stderrLines.push(event.data);
              else onOutput({ stderr: event.data });
            } else if (event.type === "exit") {
              stdoutLines.flush();
              stderrLines.flush();
              if (!controller.signal.aborted) options.onClose?.(event.code ?? -1);
            } else if (!controller.signal.aborted) {
              options.onError?.(new Error(event.message));
            }
          },
        },
        controller.signal,
      );
    };
    run().catch((error: unknown) => {
      if (!controller.signal.aborted) options.onError?.(error);
    });
    return { close: () => controller.abort() };
  }

  return exec;
}
