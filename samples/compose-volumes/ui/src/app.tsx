import { Stack } from "@mui/material";
import { DesktopGate, ExternalLink, PageHeader } from "@dext/ui";
import { Inspector } from "./inspector.tsx";
import type { JSX } from "react";

export function App(): JSX.Element {
  return (
    <Stack component="main" spacing={3} sx={{ p: 4 }}>
      <PageHeader
        title="Volume inspector"
        description={
          <>
            Every volume of the Docker engine with its size and the containers that use it. Browse a volume read-only,
            pin the ones that matter and keep notes; export them, because uninstalling the extension deletes its own
            volume. <ExternalLink href="https://docs.docker.com/engine/storage/volumes/">About volumes</ExternalLink>
          </>
        }
      />
      <DesktopGate>{(client) => <Inspector client={client} />}</DesktopGate>
    </Stack>
  );
}
