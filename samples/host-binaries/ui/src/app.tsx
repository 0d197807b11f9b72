import { Stack } from "@mui/material";
import { AfterFirstView, DesktopGate, PageHeader } from "@dext/ui";
import type { JSX } from "react";
import { ArgsPanel } from "./args-panel.tsx";
import { DoctorPanel } from "./doctor-panel.tsx";

export function App(): JSX.Element {
  return (
    <Stack component="main" spacing={3} sx={{ p: 4, maxWidth: 960 }}>
      <PageHeader
        title="Host doctor"
        description={
          <>
            A TypeScript program compiled for macOS, Windows and Linux, copied onto your machine by Docker Desktop and
            run with <code>host.cli.exec</code>.
          </>
        }
      />
      <DesktopGate>
        {(client) => (
          <>
            <DoctorPanel client={client} />
            <AfterFirstView>
              <ArgsPanel client={client} />
            </AfterFirstView>
          </>
        )}
      </DesktopGate>
    </Stack>
  );
}
