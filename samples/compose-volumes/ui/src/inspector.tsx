import { Button, Stack, Typography } from "@mui/material";
import { ErrorBanner, lazyView, useBackendClient, useBackendMutation, useBackendQuery } from "@dext/ui";
import { useCallback, useEffect, useState } from "react";
import { SizeScan } from "./size-scan.tsx";
import { StateTransfer } from "./state-transfer.tsx";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";

// The contract (and zod with it) loads on the first backend call, not with the tab: see @dext/ui's useBackendClient.
const loadContract = () => import("../../shared/contract.ts").then((module) => module.contract);
// The table waits for the first answer and the detail for a click, so neither is in the tab's
// first load; the table's code is fetched while the volumes are (see the effect below).
const VolumeTable = lazyView(() => import("./volume-table.tsx").then((module) => module.VolumeTable));
const VolumeDetail = lazyView(() => import("./volume-detail.tsx").then((module) => module.VolumeDetail));

/** The extension's tab inside Desktop: toolbar, the volume table, and the selected volume. */
export function Inspector({ client }: { client: DesktopClient }): JSX.Element {
  const backend = useBackendClient(loadContract, client);
  const volumes = useBackendQuery(backend, "listVolumes");
  const state = useBackendQuery(backend, "getState");
  // The backend answers a pin with the whole new state, which replaces the cached one.
  const pin = useBackendMutation(backend, "setPinned", { updates: "getState" });
  const [selected, setSelected] = useState<string>();
  useEffect(() => {
    // A failed fetch is retried when the table renders; nothing to report here.
    VolumeTable.preload().catch(() => undefined);
  }, []);
  const volume = volumes.data?.volumes.find((candidate) => candidate.name === selected);
  const { refetch: refetchVolumes } = volumes;
  const { refetch: refetchState } = state;
  const reload = useCallback(() => {
    void refetchVolumes();
    void refetchState();
  }, [refetchVolumes, refetchState]);

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
        <Button variant="outlined" onClick={reload} disabled={volumes.isFetching || state.isFetching}>
          Refresh
        </Button>
        <SizeScan client={client} onFinished={reload} />
        <StateTransfer client={client} backend={backend} />
        {volumes.data !== undefined && (
          <Typography variant="body2" color="text.secondary">
            Docker Engine {volumes.data.engineVersion}
          </Typography>
        )}
      </Stack>
      <ErrorBanner error={volumes.error ?? state.error} title="Could not load the volumes" onRetry={reload} />
      <ErrorBanner error={pin.error} title="Could not save the pin" />
      {volumes.data !== undefined && state.data !== undefined && (
        <VolumeTable
          volumes={volumes.data.volumes}
          state={state.data}
          selected={selected}
          onSelect={setSelected}
          onTogglePin={(name, pinned) => pin.mutate({ params: { name }, body: { pinned } })}
        />
      )}
      {volume !== undefined && state.data !== undefined && (
        <VolumeDetail
          key={volume.name}
          client={client}
          backend={backend}
          volume={volume}
          note={state.data.notes[volume.name] ?? ""}
        />
      )}
    </Stack>
  );
}
