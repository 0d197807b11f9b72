import { useCallback, useEffect, useRef, useState } from "react";
import type { v1 } from "@docker/extension-api-client-types";
import type { DesktopClient } from "./desktop-client.ts";
import { desktopArguments } from "@dext/desktop-facts";
import { asError } from "./exec-outcome.ts";
import { execFor } from "./exec-target.ts";
import type { ExecTarget } from "./exec-target.ts";
import { createLineAssembler } from "./output-lines.ts";
import type { LineAssembler, OutputLine, OutputStream } from "./output-lines.ts";

export interface UseExecStreamOptions {
  /**
   * Passed to Desktop (default `true`): one `onOutput` per line. With `false` Desktop sends raw
   * chunks cut anywhere, and the hook joins them into whole lines itself.
   */
  readonly splitOutputLines?: boolean;
  /** The oldest lines are dropped beyond this many (default 10,000): a long-running command must not fill memory. */
  readonly maxLines?: number;
}

/** `stopped`: `close()` ended it; `exited`: it ended by itself (see `exitCode`); `failed`: it could not run. */
export type ExecStreamStatus = "idle" | "running" | "exited" | "stopped" | "failed";

/** A streamed command as the UI sees it, and the actions on it. */
export interface ExecStreamView {
  readonly status: ExecStreamStatus;
  readonly running: boolean;
  /** Lines in arrival order, stdout and stderr interleaved as the host sent them. */
  readonly lines: readonly OutputLine[];
  /** How many early lines were dropped to stay within `maxLines`. */
  readonly droppedLines: number;
  readonly exitCode: number | undefined;
  readonly error: Error | undefined;
  /** Starts `cmd` (one array element per argument); a process this hook still runs is closed first. */
  start: (cmd: string, args?: readonly string[], options?: v1.ExecOptions) => void;
  /** Stops the process (Desktop sends it SIGTERM). */
  close: () => void;
}

interface StreamState {
  status: ExecStreamStatus;
  lines: readonly OutputLine[];
  droppedLines: number;
  exitCode: number | undefined;
  error: Error | undefined;
}

// One started process. `live` turns false once it ended, was closed, or was replaced.
interface Session {
  live: boolean;
  process: v1.ExecProcess | undefined;
  pending: OutputLine[];
  flushScheduled: boolean;
  assemblers: Record<OutputStream, LineAssembler> | undefined;
}

const initial: StreamState = { status: "idle", lines: [], droppedLines: 0, exitCode: undefined, error: undefined };

/**
 * Runs a command on `target` with streamed output: lines arrive as the process writes them,
 * stdout and stderr told apart, then the exit code. Unmounting closes the process, as Desktop
 * does when the user leaves the tab, so nothing keeps running for a view that is gone.
 */
export function useExecStream(
  target: ExecTarget,
  client: DesktopClient,
  options?: UseExecStreamOptions,
): ExecStreamView {
  const split = options?.splitOutputLines ?? true;
  const maxLines = options?.maxLines ?? 10_000;
  const [state, setState] = useState<StreamState>(initial);
  const current = useRef<Session | undefined>(undefined);
  const nextId = useRef(0);

  // Lines are appended once per microtask, not once per line: a chatty command sends thousands.
  const flush = useCallback(
    (session: Session) => {
      session.flushScheduled = false;
      const batch = session.pending;
      if (batch.length === 0) return;
      session.pending = [];
      if (current.current !== session) return;
      setState((previous) => {
        const all = previous.lines.concat(batch);
        const over = Math.max(0, all.length - maxLines);
        return { ...previous, lines: over === 0 ? all : all.slice(over), droppedLines: previous.droppedLines + over };
      });
    },
    [maxLines],
  );

  const end = useCallback(
    (session: Session, change: Partial<StreamState>) => {
      if (!session.live) return;
      session.live = false;
      // A last line without a line break is still a line.
      if (session.assemblers !== undefined) {
        for (const stream of ["stdout", "stderr"] as const) {
          for (const text of session.assemblers[stream].flush())
            session.pending.push({ id: nextId.current++, stream, text });
        }
      }
      flush(session);
      if (current.current === session) setState((previous) => ({ ...previous, ...change }));
    },
    [flush],
  );

  const stop = useCallback((session: Session | undefined) => {
    if (session === undefined || !session.live) return false;
    session.process?.close();
    return true;
  }, []);

  const start = useCallback(
    (cmd: string, args: readonly string[] = [], execOptions?: v1.ExecOptions) => {
      const previous = current.current;
      if (stop(previous) && previous !== undefined) previous.live = false;
      const session: Session = {
        live: true,
        process: undefined,
        pending: [],
        flushScheduled: false,
        assemblers: split ? undefined : { stdout: createLineAssembler(), stderr: createLineAssembler() },
      };
      current.current = session;
      setState({ ...initial, status: "running" });

      const onOutput = (
        data: { stdout: string; stderr?: undefined } | { stdout?: undefined; stderr: string },
      ): void => {
        if (!session.live) return;
        const stream: OutputStream = data.stdout === undefined ? "stderr" : "stdout";
        const chunk = data.stdout ?? data.stderr;
        // Split mode sends one line per call, maybe with its line break; raw mode cuts anywhere.
        const texts = session.assemblers?.[stream].push(chunk) ?? chunk.replace(/\r?\n$/, "").split(/\r?\n/);
        for (const text of texts) session.pending.push({ id: nextId.current++, stream, text });
        if (!session.flushScheduled && session.pending.length > 0) {
          session.flushScheduled = true;
          queueMicrotask(() => flush(session));
        }
      };
      try {
        session.process = execFor(client, target)(cmd, desktopArguments(args), {
          ...execOptions,
          stream: {
            onOutput,
            onClose: (exitCode: number) => end(session, { status: "exited", exitCode }),
            onError: (reason: unknown) => end(session, { status: "failed", error: asError(reason) }),
            splitOutputLines: split,
          },
        });
      } catch (reason) {
        end(session, { status: "failed", error: asError(reason) });
      }
    },
    [client, target, split, stop, end, flush],
  );

  const close = useCallback(() => {
    const session = current.current;
    if (session === undefined || !stop(session)) return;
    end(session, { status: "stopped" });
  }, [stop, end]);

  useEffect(
    () => () => {
      const session = current.current;
      current.current = undefined;
      if (stop(session) && session !== undefined) session.live = false;
    },
    [stop],
  );

  return { ...state, running: state.status === "running", start, close };
}
