import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from "@mui/material";
import { useBackendClient } from "@dext/ui";
import { useState } from "react";
import { contract } from "../../shared/contract.js";
import { describeFailure } from "./describe-failure.js";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";

type Source = "hello.sh" | "backend";

interface Outcome {
  source: Source;
  ok: boolean;
  text: string;
}

export function HelloPanel({ client }: { client: DesktopClient }): JSX.Element {
  const backend = useBackendClient(contract, client);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState<Source | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  async function run(source: Source, call: () => Promise<string>) {
    setBusy(source);
    try {
      setOutcome({ source, ok: true, text: await call() });
      client.desktopUI.toast.success(`${source} answered`);
    } catch (error) {
      setOutcome({ source, ok: false, text: describeFailure(error) });
    } finally {
      setBusy(undefined);
    }
  }

  // Exactly the seed tutorial's call: one array element per argument, no shell in between.
  const runScript = () =>
    run("hello.sh", async () => {
      const result = await client.extension.vm?.cli.exec("./hello.sh", [name]);
      return result?.stdout.trim() ?? "";
    });

  const askBackend = () =>
    run("backend", async () => {
      const trimmed = name.trim();
      const reply = await backend.hello(trimmed === "" ? {} : { query: { name: trimmed } });
      return reply.message;
    });

  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <TextField label="Your name" value={name} onChange={(event) => setName(event.target.value)} placeholder="world" />
          <Stack direction="row" spacing={2}>
            <Button variant="contained" onClick={() => void runScript()} disabled={busy !== undefined}>
              Run hello.sh
            </Button>
            <Button variant="outlined" onClick={() => void askBackend()} disabled={busy !== undefined}>
              Ask the backend
            </Button>
          </Stack>
          {busy !== undefined && <Typography color="text.secondary">Waiting for {busy}…</Typography>}
          {outcome?.ok === true && (
            <Alert severity="success" role="status">
              <strong>{outcome.source}:</strong> {outcome.text}
            </Alert>
          )}
          {outcome?.ok === false && (
            <Alert severity="error">
              <strong>{outcome.source} failed:</strong> {outcome.text}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
