import { Alert, Button, Stack } from "@mui/material";
import { useState } from "react";
import { describeFailure } from "./describe-failure.js";
import type { BackendClient } from "@dext/backend/client";
import type { DesktopClient } from "@dext/ui";
import type { ChangeEvent, JSX } from "react";
import type { Contract } from "../../shared/contract.js";
import type { ExportDocument, State } from "../../shared/state.js";

export interface StateTransferProps {
  client: DesktopClient;
  backend: BackendClient<Contract>;
  onImported: (state: State) => void;
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

/**
 * Export and import of the extension's state. Uninstalling the extension deletes its named volume,
 * so this file is what carries pins and notes over a reinstall.
 */
export function StateTransfer({ client, backend, onImported }: StateTransferProps): JSX.Element {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const exportState = () => {
    backend.exportState().then(
      (document) => {
        const name = `compose-volumes-state-${document.exportedAt.slice(0, 10)}.json`;
        download(name, `${JSON.stringify(document, null, 2)}\n`);
        setOutcome({ ok: true, text: `Exported ${counts(document.state)} to ${name}` });
        client.desktopUI.toast.success("State exported");
      },
      (error: unknown) => setOutcome({ ok: false, text: `Export failed: ${describeFailure(error)}` }),
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
      setOutcome({ ok: false, text: `Import failed: ${file.name} is not JSON` });
      return;
    }
    try {
      // The backend checks the whole document against the schema and answers which field is wrong.
      const state = await backend.importState({ body: document as ExportDocument });
      onImported(state);
      setOutcome({ ok: true, text: `Imported ${counts(state)} from ${file.name}; they replace what was there` });
      client.desktopUI.toast.success("State imported");
    } catch (error) {
      setOutcome({ ok: false, text: `Import failed: ${describeFailure(error)}` });
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={exportState}>
          Export state
        </Button>
        <Button variant="outlined" component="label">
          Import state
          <input type="file" accept="application/json,.json" hidden aria-label="State file to import" onChange={(event) => void importFile(event)} />
        </Button>
      </Stack>
      {outcome !== undefined && (
        <Alert severity={outcome.ok ? "success" : "error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.text}
        </Alert>
      )}
    </Stack>
  );
}
