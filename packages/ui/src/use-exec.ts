import { useCallback, useEffect, useRef, useState } from "react";
import type { v1 } from "@docker/extension-api-client-types";
import type { DesktopClient } from "./desktop-client.ts";
import { asError, runExec } from "./exec-outcome.ts";
import type { ExecOutcome } from "./exec-outcome.ts";
import { execFor } from "./exec-target.ts";
import type { ExecTarget } from "./exec-target.ts";

/** A buffered command as the UI sees it, and how to run it. */
export interface ExecView {
  readonly running: boolean;
  /** The last finished run, non-zero exits included (`outcome.ok` tells). */
  readonly outcome: ExecOutcome | undefined;
  /** Why the last run could not run at all; a non-zero exit is an `outcome`, not an error. */
  readonly error: Error | undefined;
  /**
   * Runs `cmd` with one array element per argument (no shell quoting). Resolves with the outcome,
   * or `undefined` when the command could not run (see `error`); never rejects, so
   * `onClick={() => void exec.run(...)}` is safe.
   */
  run: (cmd: string, args?: readonly string[], options?: v1.ExecOptions) => Promise<ExecOutcome | undefined>;
  reset: () => void;
}

interface ExecState {
  running: boolean;
  outcome: ExecOutcome | undefined;
  error: Error | undefined;
}

const idle: ExecState = { running: false, outcome: undefined, error: undefined };

/**
 * Runs buffered commands on `target` (`"vm"`, `"host"` or `"docker"`) and keeps the last result
 * for rendering, e.g. `<ExecOutput lines={exec.outcome?.lines ?? []} />`. Only the latest run
 * updates the state; a buffered exec cannot be stopped, so unmounting only stops listening.
 */
export function useExec(target: ExecTarget, client: DesktopClient): ExecView {
  const [state, setState] = useState<ExecState>(idle);
  const latest = useRef(0);
  useEffect(
    () => () => {
      // Results that arrive after unmount belong to nobody.
      latest.current += 1;
    },
    [],
  );

  const run = useCallback(
    async (cmd: string, args: readonly string[] = [], options?: v1.ExecOptions) => {
      const runId = ++latest.current;
      setState((previous) => ({ ...previous, running: true, error: undefined }));
      try {
        const outcome = await runExec(execFor(client, target), cmd, args, options);
        if (runId === latest.current) setState({ running: false, outcome, error: undefined });
        return outcome;
      } catch (reason) {
        if (runId === latest.current) setState({ running: false, outcome: undefined, error: asError(reason) });
        return undefined;
      }
    },
    [client, target],
  );

  const reset = useCallback(() => {
    latest.current += 1;
    setState(idle);
  }, []);

  return { ...state, run, reset };
}
