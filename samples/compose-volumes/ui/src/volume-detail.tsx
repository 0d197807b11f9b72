import { Button, Card, CardContent, Stack, Typography } from "@mui/material";
import { formatBytes } from "./format-bytes.ts";
import { NoteEditor } from "./note-editor.tsx";
import { VolumeBrowser } from "./volume-browser.tsx";
import type { BackendClient } from "@dext/backend/client";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";
import type { Contract, Volume } from "../../shared/contract.ts";

export interface VolumeDetailProps {
  client: DesktopClient;
  backend: BackendClient<Contract>;
  volume: Volume;
  note: string;
}

/** One volume: where Desktop shows it, its largest files from the last scan, its note and its files. */
export function VolumeDetail({ client, backend, volume, note }: VolumeDetailProps): JSX.Element {
  const largest = volume.scan?.contents?.largest ?? [];
  return (
    <Card variant="outlined" component="section" aria-label={`Volume ${volume.name}`}>
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
            <Typography
              variant="h6"
              component="h2"
              sx={{ fontFamily: "monospace", wordBreak: "break-all", flexGrow: 1 }}
            >
              {volume.name}
            </Typography>
            <Button size="small" onClick={() => void client.desktopUI.navigate.viewVolume(volume.name)}>
              Open in Docker Desktop
            </Button>
          </Stack>
          {largest.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              Largest files: {largest.map((file) => `${file.path} (${formatBytes(file.bytes)})`).join(", ")}
            </Typography>
          )}
          <NoteEditor backend={backend} volume={volume.name} saved={note} />
          <VolumeBrowser backend={backend} volume={volume.name} />
        </Stack>
      </CardContent>
    </Card>
  );
}
