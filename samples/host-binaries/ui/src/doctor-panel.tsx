import { Button, Paper, Stack, Typography } from "@mui/material";
import { ExecOutput, lazyView, TextInput, useExecStream } from "@dext/ui";
import type { DesktopClient } from "@dext/ui";
import { useEffect, useRef, useState } from "react";
import type { JSX } from "react";
import { useDoctorResults } from "./doctor-results.ts";
import { describeExit } from "./exit-codes.ts";

const Alert = lazyView(() => import("./run-results.tsx").then((module) => module.RunAlert));
const ToolTable = lazyView(() => import("./run-results.tsx").then((module) => module.ToolTable));

/** The streamed half of the sample: `host.cli.exec(..., { stream })`, results shown as they arrive. */
export function DoctorPanel({ client }: { client: DesktopClient }): JSX.Element {
  const stream = useExecStream("host", client);
  const [required, setRequired] = useState("docker");
  const results = useDoctorResults(stream.lines);
  const toasted = useRef(false);

  useEffect(() => {
    if (stream.status !== "exited" || toasted.current || results.pending) return;
    toasted.current = true;
    const summary = results.summary;
    if (stream.exitCode === 0 && summary !== undefined) {
      client.desktopUI.toast.success(
        `${String(summary.found.length)} of ${String(summary.found.length + summary.missing.length)} tools found`,
      );
    } else {
      client.desktopUI.toast.error(`host-doctor ${describeExit(stream.exitCode ?? -1)}`);
    }
  }, [client, results.pending, results.summary, stream.exitCode, stream.status]);

  const run = () => {
    toasted.current = false;
    const require = required.trim() === "" ? [] : ["--require", required.trim()];
    stream.start("host-doctor", ["check", "--json", ...require]);
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="check-title" sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Typography id="check-title" variant="h5" component="h2">
          Check this machine
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Streamed: each tool's line appears as soon as that tool answers. Required tools that are missing make the
          binary exit 1.
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
          <TextInput
            label="Required tools"
            size="small"
            value={required}
            onChange={(event) => {
              setRequired(event.target.value);
            }}
            helperText="Comma-separated: docker, kubectl, git, node"
          />
          <Button variant="contained" onClick={run} disabled={stream.running}>
            Run check
          </Button>
          <Button variant="outlined" onClick={stream.close} disabled={!stream.running}>
            Stop
          </Button>
        </Stack>
        {stream.error !== undefined && (
          <Alert severity="error">Could not run host-doctor: {stream.error.message}</Alert>
        )}
        {stream.status === "exited" && stream.exitCode !== undefined && (
          <Alert severity={stream.exitCode === 0 ? "success" : "error"} aria-label="Exit status">
            {describeExit(stream.exitCode)}
          </Alert>
        )}
        {stream.status === "stopped" && <Alert severity="info">Stopped before it finished.</Alert>}
        {results.tools.length > 0 && <ToolTable tools={results.tools} />}
        {results.contexts.length > 0 && (
          <Stack spacing={0.5} aria-label="Docker contexts">
            <Typography variant="subtitle2" component="h3">
              Docker contexts
            </Typography>
            {results.contexts.map((context) => (
              <Typography key={context.name} variant="body2">
                <strong>{context.name}</strong>
                {context.current ? " (current)" : ""}: <code>{context.endpoint}</code>
              </Typography>
            ))}
          </Stack>
        )}
        <ExecOutput
          lines={stream.lines}
          droppedLines={stream.droppedLines}
          label="host-doctor output"
          emptyText="Run the check to see host-doctor's output."
          maxHeight={200}
        />
      </Stack>
    </Paper>
  );
}
