import { Alert } from "@mui/material";
import { ErrorBanner, ExecOutput } from "@dext/ui";
import type { ExecOutcome } from "@dext/ui";
import type { JSX } from "react";

// Results show only after a click, so hello-panel loads this file then (lazyView), not with the tab.

/** What hello.sh printed, or how it failed: its exit code and output, or why it could not run. */
export function ScriptResult({
  outcome,
  error,
}: {
  readonly outcome: ExecOutcome | undefined;
  readonly error: unknown;
}): JSX.Element {
  return (
    <>
      {outcome?.ok === true && (
        <Alert severity="success" role="status">
          <strong>hello.sh:</strong> {outcome.stdout.trim()}
        </Alert>
      )}
      {outcome?.ok === false && (
        <>
          <Alert severity="error">hello.sh failed with exit code {outcome.exitCode}</Alert>
          <ExecOutput label="Output of hello.sh" lines={outcome.lines} maxHeight={160} />
        </>
      )}
      <ErrorBanner error={error} title="hello.sh could not run" />
    </>
  );
}

/** The backend's greeting, or the error banner with a retry. */
export function BackendResult({
  message,
  error,
  onRetry,
}: {
  readonly message: string | undefined;
  readonly error: unknown;
  readonly onRetry: () => void;
}): JSX.Element {
  return (
    <>
      {message !== undefined && (
        <Alert severity="success" role="status">
          <strong>backend:</strong> {message}
        </Alert>
      )}
      <ErrorBanner error={error} title="backend failed" onRetry={onRetry} />
    </>
  );
}
