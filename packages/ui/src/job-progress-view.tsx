import { Button, LinearProgress, Stack, Typography } from "@mui/material";
import type { JSX } from "react";
import { ErrorBanner } from "./error-banner.tsx";
import type { JobProgressProps, JobProgressSource } from "./job-progress.tsx";

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

/** The bar itself, loaded by `JobProgress` when a job first starts. */
export function JobProgressView({ job, label = "Job progress" }: JobProgressProps): JSX.Element {
  const { status, error, active, cancelling, cancel } = job;
  const percent = Math.round((status?.progress ?? 0) * 100);
  // Before the backend reports anything measurable, an indeterminate bar is the honest one.
  const measurable = status !== undefined && status.state !== "queued";
  const showBar = error === undefined && status?.state !== "cancelled";

  return (
    <Stack spacing={1} role="group" aria-label={label}>
      {showBar && (
        <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
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
