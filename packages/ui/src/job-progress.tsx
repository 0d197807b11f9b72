import { Button, LinearProgress, Stack, Typography } from "@mui/material";
import type { JobState } from "@dext/backend/client";
import type { JSX } from "react";
import { ErrorBanner } from "./error-banner.js";

/** What `<JobProgress>` reads; `useJob` returns it, and so can any other source. */
export interface JobProgressSource {
  readonly status: { readonly state: JobState; readonly progress: number; readonly message: string } | undefined;
  readonly error: Error | undefined;
  readonly active: boolean;
  readonly cancelling: boolean;
  readonly cancel: () => void;
}

export interface JobProgressProps {
  readonly job: JobProgressSource;
  /** Names the work for screen readers and above the bar, e.g. "Scanning images". */
  readonly label?: string;
}

function describeState(status: JobProgressSource["status"]): string {
  if (status === undefined) return "Starting…";
  switch (status.state) {
    case "queued":
      return "Waiting to start…";
    case "running":
      return status.message === "" ? "Working…" : status.message;
    case "succeeded":
      return status.message === "" ? "Done" : `Done: ${status.message}`;
    case "cancelled":
      return "Cancelled";
    case "failed":
      return "Failed";
  }
}

/**
 * A job's progress bar with its latest message and a Cancel button while it runs; a failure is
 * shown in an `ErrorBanner`. Renders nothing before the first start.
 */
export function JobProgress({ job, label = "Job progress" }: JobProgressProps): JSX.Element | null {
  const { status, error, active, cancelling, cancel } = job;
  if (status === undefined && error === undefined && !active) return null;
  const percent = Math.round((status?.progress ?? 0) * 100);
  // Before the backend reports anything measurable, an indeterminate bar is the honest one.
  const measurable = status !== undefined && status.state !== "queued";
  const showBar = error === undefined && status?.state !== "cancelled";

  return (
    <Stack spacing={1} role="group" aria-label={label}>
      {showBar && (
        <Stack direction="row" spacing={2} alignItems="center">
          <LinearProgress
            sx={{ flexGrow: 1 }}
            aria-label={label}
            variant={measurable ? "determinate" : "indeterminate"}
            {...(measurable ? { value: percent } : {})}
          />
          {measurable && <Typography variant="body2">{percent}%</Typography>}
          {active && (
            <Button size="small" onClick={cancel} disabled={cancelling || status === undefined}>
              {cancelling ? "Cancelling…" : "Cancel"}
            </Button>
          )}
        </Stack>
      )}
      {error === undefined && (
        <Typography variant="body2" color="text.secondary" role="status">
          {describeState(status)}
        </Typography>
      )}
      {error !== undefined && <ErrorBanner error={error} title={`${label} failed`} />}
    </Stack>
  );
}
