import { Button, Card, CardContent, Stack, Typography } from "@mui/material";
import { ErrorBanner, ExecOutput, useExecStream } from "@dext/ui";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";

/** Lab 2: ticks.sh streamed from the extension's container, each line shown as it arrives. */
export function TicksPanel({ client }: { client: DesktopClient }): JSX.Element {
  // Streamed, not buffered: a buffered exec shows nothing until the script exits.
  const ticks = useExecStream("vm", client);
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            Ticks
          </Typography>
          <Stack direction="row" spacing={2}>
            <Button variant="contained" onClick={() => ticks.start("./ticks.sh", ["10"])} disabled={ticks.running}>
              Count to 10
            </Button>
            <Button variant="outlined" onClick={ticks.close} disabled={!ticks.running}>
              Stop
            </Button>
          </Stack>
          <ExecOutput
            label="Output of ticks.sh"
            lines={ticks.lines}
            droppedLines={ticks.droppedLines}
            maxHeight={200}
            emptyText="Nothing yet"
          />
          {ticks.status === "exited" && (
            <Typography color="text.secondary">ticks.sh exited with code {ticks.exitCode}</Typography>
          )}
          {ticks.status === "stopped" && <Typography color="text.secondary">Stopped</Typography>}
          <ErrorBanner error={ticks.error} title="ticks.sh could not run" />
        </Stack>
      </CardContent>
    </Card>
  );
}
