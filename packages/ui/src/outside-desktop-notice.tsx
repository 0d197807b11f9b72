import { Alert, AlertTitle } from "@mui/material";
import type { JSX } from "react";
import { outsideDesktopReason } from "./errors.ts";

export interface OutsideDesktopNoticeProps {
  /** Defaults to the standard explanation of running outside Docker Desktop. */
  readonly reason?: string;
}

/** Tells the user, instead of a blank or broken page, that Docker Desktop's client is missing. */
export function OutsideDesktopNotice({ reason = outsideDesktopReason }: OutsideDesktopNoticeProps): JSX.Element {
  return (
    <Alert severity="warning" role="status">
      <AlertTitle>Not running in Docker Desktop</AlertTitle>
      {reason}
    </Alert>
  );
}
