import { Button, Stack } from "@mui/material";
import { JobProgress, useJob } from "@dext/ui";
import { useEffect } from "react";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";

// Module-level so useJob's client stays the same object across renders. The job's schemas load
// on the first scan, not with the tab.
const jobOptions = { intervalMs: 400 };
const loadSizeScanJob = () => import("../../shared/contract.ts").then((module) => module.sizeScanJob);

/** Starts the backend's size scan and shows its progress bar; reloads the list when it ends. */
export function SizeScan({ client, onFinished }: { client: DesktopClient; onFinished: () => void }): JSX.Element {
  const job = useJob(loadSizeScanJob, client, jobOptions);
  const state = job.status?.state;
  useEffect(() => {
    // A cancelled scan kept what it had measured so far: show that too.
    if (state === "succeeded" || state === "cancelled") onFinished();
  }, [state, onFinished]);

  return (
    <Stack direction="row" spacing={2} sx={{ minWidth: 360, flexGrow: 1, alignItems: "center" }}>
      <Button variant="contained" onClick={() => job.start({})} disabled={job.active}>
        Scan sizes
      </Button>
      <Stack sx={{ flexGrow: 1 }}>
        <JobProgress job={job} label="Size scan" />
      </Stack>
    </Stack>
  );
}
