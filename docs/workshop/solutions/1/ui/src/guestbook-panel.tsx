import { Alert, Button, Card, CardContent, Stack, Typography } from "@mui/material";
import { ErrorBanner, TextInput, useBackendClient, useBackendMutation } from "@dext/ui";
import { useState } from "react";
import type { DesktopClient } from "@dext/ui";
import type { JSX } from "react";

// The contract (and zod with it) loads on the first backend call, not with the tab.
const loadContract = () => import("../../shared/contract.ts").then((module) => module.contract);

/** Lab 1: the typed `visit` route, called on a click. */
export function GuestbookPanel({ client }: { client: DesktopClient }): JSX.Element {
  const backend = useBackendClient(loadContract, client);
  const visit = useBackendMutation(backend, "visit");
  const [name, setName] = useState("");
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            Guestbook
          </Typography>
          <TextInput label="Sign as" value={name} onChange={(event) => setName(event.target.value)} />
          <Button
            variant="contained"
            onClick={() => visit.mutate({ body: { name } })}
            disabled={visit.isPending}
            sx={{ alignSelf: "flex-start" }}
          >
            Sign the guestbook
          </Button>
          {visit.data !== undefined && (
            <Alert severity="success" role="status">
              {visit.data.name} has signed {visit.data.visits} {visit.data.visits === 1 ? "time" : "times"}.
            </Alert>
          )}
          {/* An empty name comes back as invalid_input naming body.name: the banner shows it. */}
          <ErrorBanner error={visit.error} title="Could not sign the guestbook" />
        </Stack>
      </CardContent>
    </Card>
  );
}
