import { Alert, Button, Stack } from "@mui/material";
import { ErrorBanner, useBackendMutation } from "@dext/ui";
import { useState } from "react";
import type { BackendClient } from "@dext/backend/client";
import type { DesktopClient } from "@dext/ui";
import type { ChangeEvent, JSX } from "react";
import type { Contract } from "../../shared/contract.ts";
import type { ExportDocument, State } from "../../shared/state.ts";

export interface StateTransferProps {
  client: DesktopClient;
  backend: BackendClient<Contract>;
}

function counts(state: State): string {
  return `${state.pinned.length} pinned, ${Object.keys(state.notes).length} notes`;
}

/** Hands the browser a file to save, as a link click would. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type Outcome = { ok: true; text: string } | { ok: false; action: "Export" | "Import"; error: unknown };

/**
 * Export and import of the extension's state. Uninstalling the extension deletes its named volume,
 * so this file is what carries pins and notes over a reinstall.
 */
export function StateTransfer({ client, backend }: StateTransferProps): JSX.Element {
  const [outcome, setOutcome] = useState<Outcome>();
  // A download made on a click, not data to cache: a mutation in react-query's terms.
  const exporter = useBackendMutation(backend, "exportState");
  // The backend answers an import with the new state, which replaces the cached one.
  const importer = useBackendMutation(backend, "importState", { updates: "getState" });

  const exportState = () => {
    exporter.mutate(
      {},
      {
        onSuccess: (document) => {
          const name = `compose-volumes-state-${document.exportedAt.slice(0, 10)}.json`;
          download(name, `${JSON.stringify(document, null, 2)}\n`);
          setOutcome({ ok: true, text: `Exported ${counts(document.state)} to ${name}` });
          client.desktopUI.toast.success("State exported");
        },
        onError: (error) => setOutcome({ ok: false, action: "Export", error }),
      },
    );
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again still fires a change.
    input.value = "";
    if (file === undefined) return;
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setOutcome({ ok: false, action: "Import", error: new Error(`${file.name} is not JSON`) });
      return;
    }
    // The backend checks the whole document against the schema and answers which field is wrong.
    importer.mutate(
      { body: document as ExportDocument },
      {
        onSuccess: (state) => {
          setOutcome({ ok: true, text: `Imported ${counts(state)} from ${file.name}; they replace what was there` });
          client.desktopUI.toast.success("State imported");
        },
        onError: (error) => setOutcome({ ok: false, action: "Import", error }),
      },
    );
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={exportState} disabled={exporter.isPending}>
          Export state
        </Button>
        <Button variant="outlined" component="label" disabled={importer.isPending}>
          Import state
          <input
            type="file"
            accept="application/json,.json"
            hidden
            aria-label="State file to import"
            onChange={(event) => void importFile(event)}
          />
        </Button>
      </Stack>
      {outcome?.ok === true && (
        <Alert severity="success" role="status">
          {outcome.text}
        </Alert>
      )}
      {outcome?.ok === false && (
        <ErrorBanner
          error={outcome.error}
          title={`${outcome.action} failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`}
        />
      )}
    </Stack>
  );
}
