import { Button, Card, CardContent, Stack, Typography } from "@mui/material";
import { lazyView, TextInput, useBackendClient, useBackendMutation, useExec } from "@dext/ui";
import { useState } from "react";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";

type Source = "hello.sh" | "backend";

// The contract (and zod with it) loads on the first backend call, not with the tab: see @dext/ui's useBackendClient.
const loadContract = () => import("../../shared/contract.ts").then((module) => module.contract);
const ScriptResult = lazyView(() => import("./hello-results.tsx").then((module) => module.ScriptResult));
const BackendResult = lazyView(() => import("./hello-results.tsx").then((module) => module.BackendResult));

export function HelloPanel({ client }: { client: DesktopClient }): JSX.Element {
  const backend = useBackendClient(loadContract, client);
  const script = useExec("vm", client);
  // A call made on a click, not data to cache: a mutation in react-query's terms.
  const hello = useBackendMutation(backend, "hello", {
    onSuccess: () => client.desktopUI.toast.success("backend answered"),
  });
  const [name, setName] = useState("");
  const [shown, setShown] = useState<Source>();
  const busy = script.running || hello.isPending;

  // Exactly the seed tutorial's call: one array element per argument, no shell in between.
  const runScript = async () => {
    setShown("hello.sh");
    const outcome = await script.run("./hello.sh", [name]);
    if (outcome?.ok === true) client.desktopUI.toast.success("hello.sh answered");
  };

  const askBackend = () => {
    setShown("backend");
    const trimmed = name.trim();
    hello.mutate(trimmed === "" ? {} : { query: { name: trimmed } });
  };

  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <TextInput
            label="Your name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="world"
          />
          <Stack direction="row" spacing={2}>
            <Button variant="contained" onClick={() => void runScript()} disabled={busy}>
              Run hello.sh
            </Button>
            <Button variant="outlined" onClick={askBackend} disabled={busy}>
              Ask the backend
            </Button>
          </Stack>
          {busy && <Typography color="text.secondary">Waiting for {shown}…</Typography>}
          {shown === "hello.sh" && !script.running && <ScriptResult outcome={script.outcome} error={script.error} />}
          {shown === "backend" && !hello.isPending && (
            <BackendResult message={hello.data?.message} error={hello.error} onRetry={askBackend} />
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
