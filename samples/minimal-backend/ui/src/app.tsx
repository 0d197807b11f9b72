import { Stack } from "@mui/material";
import { DesktopGate, ExternalLink, PageHeader } from "@dext/ui";
import { HelloPanel } from "./hello-panel.tsx";
import type { JSX } from "react";

export function App(): JSX.Element {
  return (
    <Stack component="main" spacing={3} sx={{ p: 4, maxWidth: 760 }}>
      <PageHeader
        title="Minimal backend"
        description={
          <>
            Two ways to reach the extension's container in the Desktop VM: run a script in it with{" "}
            <code>vm.cli.exec</code>, or call its typed HTTP backend on the extension socket with{" "}
            <code>vm.service</code>. See the{" "}
            <ExternalLink href="https://docs.docker.com/extensions/extensions-sdk/">
              Extensions SDK documentation
            </ExternalLink>
            .
          </>
        }
      />
      <DesktopGate>{(client) => <HelloPanel client={client} />}</DesktopGate>
    </Stack>
  );
}
