import { Stack, Typography } from "@mui/material";
import { DesktopGate } from "@dext/ui";
import { Inspector } from "./inspector.js";
import type { JSX } from "react";

export function App(): JSX.Element {
  return (
    <Stack spacing={3} sx={{ p: 4 }}>
      <div>
        <Typography variant="h3" component="h1">
          Volume inspector
        </Typography>
        <Typography variant="body1" color="text.secondary" sx={{ mt: 1 }}>
          Every volume of the Docker engine with its size and the containers that use it. Browse a volume read-only, pin
          the ones that matter and keep notes; export them, because uninstalling the extension deletes its own volume.
        </Typography>
      </div>
      <DesktopGate>{(client) => <Inspector client={client} />}</DesktopGate>
    </Stack>
  );
}
