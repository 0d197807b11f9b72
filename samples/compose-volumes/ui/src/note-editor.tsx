import { Alert, Button, Stack, TextField } from "@mui/material";
import { useState } from "react";
import { maxNoteLength } from "../../shared/state.js";
import { describeFailure } from "./describe-failure.js";
import type { BackendClient } from "@dext/backend/client";
import type { JSX } from "react";
import type { Contract } from "../../shared/contract.js";
import type { State } from "../../shared/state.js";

export interface NoteEditorProps {
  backend: BackendClient<Contract>;
  volume: string;
  saved: string;
  onSaved: (state: State) => void;
}

/** The volume's note; saving an empty one deletes it. */
export function NoteEditor({ backend, volume, saved, onSaved }: NoteEditorProps): JSX.Element {
  const [text, setText] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const save = () => {
    setBusy(true);
    backend
      .setNote({ params: { name: volume }, body: { note: text } })
      .then(
        (state) => {
          onSaved(state);
          setError(undefined);
        },
        (reason: unknown) => setError(describeFailure(reason)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} alignItems="flex-start">
        <TextField
          label="Note"
          value={text}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={1}
          fullWidth
          slotProps={{ htmlInput: { maxLength: maxNoteLength } }}
          helperText={text === saved ? "Saved" : "Not saved yet"}
        />
        <Button variant="outlined" onClick={save} disabled={busy || text === saved}>
          Save note
        </Button>
      </Stack>
      {error !== undefined && <Alert severity="error">Could not save the note: {error}</Alert>}
    </Stack>
  );
}
