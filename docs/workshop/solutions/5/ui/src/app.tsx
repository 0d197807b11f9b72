import { Stack } from "@mui/material";
import { DesktopGate, ExternalLink, PageHeader } from "@dext/ui";
import { GuestbookPanel } from "./guestbook-panel.js";
import { HelloPanel } from "./hello-panel.js";
import { HostInfoPanel } from "./host-info-panel.js";
import { TicksPanel } from "./ticks-panel.js";
import type { JSX } from "react";

export function App(): JSX.Element {
  return (
    <Stack component="main" spacing={3} sx={{ p: 4, maxWidth: 760 }}>
      <PageHeader
        title="Guestbook"
        description={
          <>
            Two ways to reach the extension's container in the Desktop VM: run a script in it with <code>vm.cli.exec</code>, or
            call its typed HTTP backend on the extension socket with <code>vm.service</code>. See the{" "}
            <ExternalLink href="https://docs.docker.com/extensions/extensions-sdk/">Extensions SDK documentation</ExternalLink>.
          </>
        }
      />
      <DesktopGate>
        {(client) => (
          <>
            <HelloPanel client={client} />
            <GuestbookPanel client={client} />
            <TicksPanel client={client} />
            <HostInfoPanel client={client} />
          </>
        )}
      </DesktopGate>
    </Stack>
  );
}
