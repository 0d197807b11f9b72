import type { v1 } from "@docker/extension-api-client-types";
import { ExecFailure, execResult, outputLines } from "./exec-result.ts";

type Listener = Pick<v1.ExecStreamOptions, "onOutput" | "onClose" | "onError" | "splitOutputLines">;
type Event =
  | {
      readonly kind: "output";
      readonly data: { stdout: string; stderr?: undefined } | { stdout?: undefined; stderr: string };
    }
  | { readonly kind: "close"; readonly code: number }
  | { readonly kind: "error"; readonly reason: unknown };

/**
 * A command that runs until the test says otherwise. Return it from a fake exec handler
 * (`exec: () => process`), then write to it and end it step by step: streamed callers see each
 * write as it happens, buffered callers get the whole output when it exits. What is written
 * before the caller attaches is kept and delivered on attach, as a pipe would.
 */
export class FakeProcess {
  /** True once the caller closed the streamed process (Desktop's SIGTERM). */
  closed = false;
  /** True once a streamed caller is listening. */
  attached = false;
  private listener: Listener | undefined;
  private readonly backlog: Event[] = [];
  private stdoutText = "";
  private stderrText = "";
  private ended = false;
  private settle: { resolve: (result: v1.ExecResult) => void; reject: (reason: unknown) => void } | undefined;
  /** What a buffered caller awaits. */
  readonly result: Promise<v1.ExecResult>;

  constructor() {
    this.result = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // A streamed caller never awaits `result`; its rejection must not be reported as unhandled.
    this.result.catch(() => undefined);
  }

  /** Writes to stdout. With `splitOutputLines` the listener gets one call per line. */
  stdout(text: string): this {
    this.stdoutText += text;
    return this.emit({ kind: "output", data: { stdout: text } });
  }

  stderr(text: string): this {
    this.stderrText += text;
    return this.emit({ kind: "output", data: { stderr: text } });
  }

  /** Ends the process: `onClose(code)`; buffered, resolves (0) or rejects with an `ExecFailure`. */
  exit(code = 0): void {
    if (this.ended) return;
    this.ended = true;
    if (code === 0) this.settle?.resolve(execResult(this.stdoutText, this.stderrText));
    else this.settle?.reject(new ExecFailure(this.stdoutText, this.stderrText, code));
    this.emit({ kind: "close", code });
  }

  /** Fails the process: `onError(reason)`; buffered, rejects with `reason`. */
  fail(reason: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.settle?.reject(reason);
    this.emit({ kind: "error", reason });
  }

  /** Called by the fake exec when a streamed caller starts this process. */
  attach(listener: Listener): void {
    if (this.closed) return;
    this.listener = listener;
    this.attached = true;
    for (const event of this.backlog.splice(0)) this.deliver(event);
  }

  /** Called by the fake exec when the caller closes the process: nothing is delivered after it. */
  markClosed(): void {
    this.closed = true;
    this.listener = undefined;
  }

  private emit(event: Event): this {
    if (this.closed) return this;
    if (this.listener === undefined) this.backlog.push(event);
    else this.deliver(event);
    return this;
  }

  private deliver(event: Event): void {
    const listener = this.listener;
    if (listener === undefined) return;
    if (event.kind === "close") listener.onClose?.(event.code);
    else if (event.kind === "error") listener.onError?.(event.reason);
    else if (listener.splitOutputLines !== true) listener.onOutput?.(event.data);
    else if (event.data.stdout !== undefined)
      for (const stdout of outputLines(event.data.stdout)) listener.onOutput?.({ stdout });
    else for (const stderr of outputLines(event.data.stderr)) listener.onOutput?.({ stderr });
  }
}

/** A new `FakeProcess`; see its methods. */
export function createFakeProcess(): FakeProcess {
  return new FakeProcess();
}
