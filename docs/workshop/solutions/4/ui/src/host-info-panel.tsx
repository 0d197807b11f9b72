import { Button, Card, CardContent, Stack, Typography } from "@mui/material";
import { ErrorBanner, ExecOutput, useExec } from "@dext/ui";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";

/** Lab 4: host-info run on the user's machine (not in the VM), by the name metadata.json gives it. */
export function HostInfoPanel({ client }: { client: DesktopClient }): JSX.Element {
  // "host": Desktop runs the binary it copied out of the image for this OS; one line, so buffered.
  const info = useExec("host", client);
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            This machine
          </Typography>
          <Stack direction="row" spacing={2}>
            <Button variant="contained" onClick={() => void info.run("host-info")} disabled={info.running}>
              Run host-info
            </Button>
          </Stack>
          <ExecOutput
            label="Output of host-info"
            lines={info.outcome?.lines ?? []}
            maxHeight={120}
            emptyText="Nothing yet"
          />
          {info.outcome !== undefined && !info.outcome.ok && (
            <Typography color="text.secondary">host-info exited with code {info.outcome.exitCode}</Typography>
          )}
          <ErrorBanner error={info.error} title="host-info could not run" />
        </Stack>
      </CardContent>
    </Card>
  );
}
