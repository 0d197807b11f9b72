import { Button, Stack } from "@mui/material";
import { ErrorBanner, TextInput, useBackendMutation } from "@dext/ui";
import { useState } from "react";
import { maxNoteLength } from "../../shared/limits.ts";
import type { BackendClient } from "@dext/backend/client";
import type { JSX } from "react";
import type { Contract } from "../../shared/contract.ts";

export interface NoteEditorProps {
  backend: BackendClient<Contract>;
  volume: string;
  saved: string;
}

/** The volume's note; saving an empty one deletes it. */
export function NoteEditor({ backend, volume, saved }: NoteEditorProps): JSX.Element {
  const [text, setText] = useState(saved);
  const save = useBackendMutation(backend, "setNote", { updates: "getState" });
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: "flex-start" }}>
        <TextInput
          label="Note"
          value={text}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={1}
          fullWidth
          inputProps={{ maxLength: maxNoteLength }}
          helperText={text === saved ? "Saved" : "Not saved yet"}
        />
        <Button
          variant="outlined"
          onClick={() => save.mutate({ params: { name: volume }, body: { note: text } })}
          disabled={save.isPending || text === saved}
        >
          Save note
        </Button>
      </Stack>
      <ErrorBanner error={save.error} title="Could not save the note" />
    </Stack>
  );
}
