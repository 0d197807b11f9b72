import { Alert, Button, Stack, Typography } from "@mui/material";
import { useBackendClient } from "@dext/ui";
import { useState } from "react";
import { contract } from "../../shared/contract.js";
import { describeFailure } from "./describe-failure.js";
import { SizeScan } from "./size-scan.js";
import { StateTransfer } from "./state-transfer.js";
import { useInspectorData } from "./use-inspector-data.js";
import { VolumeDetail } from "./volume-detail.js";
import { VolumeTable } from "./volume-table.js";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";

/** The extension's tab inside Desktop: toolbar, the volume table, and the selected volume. */
export function Inspector({ client }: { client: DesktopClient }): JSX.Element {
  const backend = useBackendClient(contract, client);
  const data = useInspectorData(backend);
  const [selected, setSelected] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const volume = data.volumes?.find((candidate) => candidate.name === selected);

  const togglePin = (name: string, pinned: boolean) => {
    backend.setPinned({ params: { name }, body: { pinned } }).then(
      (state) => {
        data.setState(state);
        setFailure(undefined);
      },
      (error: unknown) => setFailure(`Could not save the pin: ${describeFailure(error)}`),
    );
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <Button variant="outlined" onClick={data.reload} disabled={data.loading}>
          Refresh
        </Button>
        <SizeScan client={client} onFinished={data.reload} />
        <StateTransfer client={client} backend={backend} onImported={data.setState} />
        {data.engineVersion !== undefined && (
          <Typography variant="body2" color="text.secondary">
            Docker Engine {data.engineVersion}
          </Typography>
        )}
      </Stack>
      {data.error !== undefined && (
        <Alert severity="error">
          <strong>Could not load the volumes:</strong> {data.error}
        </Alert>
      )}
      {failure !== undefined && <Alert severity="error">{failure}</Alert>}
      {data.volumes !== undefined && data.state !== undefined && (
        <VolumeTable volumes={data.volumes} state={data.state} selected={selected} onSelect={setSelected} onTogglePin={togglePin} />
      )}
      {volume !== undefined && data.state !== undefined && (
        <VolumeDetail key={volume.name} client={client} backend={backend} volume={volume} note={data.state.notes[volume.name] ?? ""} onSaved={data.setState} />
      )}
    </Stack>
  );
}
