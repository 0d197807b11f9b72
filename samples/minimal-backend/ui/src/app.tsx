import { Stack, Typography } from "@mui/material";
import { DesktopGate } from "@dext/ui";
import { HelloPanel } from "./hello-panel.js";
import type { JSX } from "react";

export function App(): JSX.Element {
  return (
    <Stack spacing={3} sx={{ p: 4, maxWidth: 760 }}>
      <div>
        <Typography variant="h3" component="h1">
          Minimal backend
        </Typography>
        <Typography variant="body1" color="text.secondary" sx={{ mt: 1 }}>
          Two ways to reach the extension's container in the Desktop VM: run a script in it with{" "}
          <code>vm.cli.exec</code>, or call its typed HTTP backend on the extension socket with <code>vm.service</code>.
        </Typography>
      </div>
      <DesktopGate>{(client) => <HelloPanel client={client} />}</DesktopGate>
    </Stack>
  );
}
