import type { JobState } from "@dext/backend/client";
import type { JSX } from "react";
import { lazyView } from "./lazy-view.tsx";

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

// The bar shows only while a job runs or just ran, so it is fetched then, not with the tab.
const JobProgressView = lazyView(() => import("./job-progress-view.tsx").then((module) => module.JobProgressView));

/**
 * A job's progress bar with its latest message and a Cancel button while it runs; a failure is
 * shown in an `ErrorBanner`. Renders nothing before the first start.
 */
export function JobProgress(props: JobProgressProps): JSX.Element | null {
  const { status, error, active } = props.job;
  if (status === undefined && error === undefined && !active) return null;
  return <JobProgressView {...props} />;
}
