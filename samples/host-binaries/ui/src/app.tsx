import { Stack, Typography } from "@mui/material";
import { DesktopGate } from "@dext/ui";
import type { JSX } from "react";
import { ArgsPanel } from "./args-panel.js";
import { DoctorPanel } from "./doctor-panel.js";

export function App(): JSX.Element {
  return (
    <Stack spacing={3} sx={{ p: 4, maxWidth: 960 }}>
      <div>
        <Typography variant="h3" component="h1">Host doctor</Typography>
        <Typography variant="body1" color="text.secondary" sx={{ mt: 1 }}>
          A TypeScript program compiled for macOS, Windows and Linux, copied onto your machine by Docker Desktop
          and run with <code>host.cli.exec</code>.
        </Typography>
      </div>
      <DesktopGate>
        {(client) => (
          <>
            <DoctorPanel client={client} />
            <ArgsPanel client={client} />
          </>
        )}
      </DesktopGate>
    </Stack>
  );
}
