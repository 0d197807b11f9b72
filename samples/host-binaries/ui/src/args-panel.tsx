import { Button, Paper, Stack, Typography } from "@mui/material";
import { lazyView, TextInput, useExec } from "@dext/ui";
import type { DesktopClient } from "@dext/ui";
import { useState } from "react";
import type { JSX } from "react";
import { describeExit } from "./exit-codes.ts";

const Alert = lazyView(() => import("./run-results.tsx").then((module) => module.RunAlert));
const ArgumentsTable = lazyView(() => import("./run-results.tsx").then((module) => module.ArgumentsTable));

/** Arguments that break naive quoting: spaces, quotes, shell metacharacters, non-ASCII. */
const SAMPLE_ARGUMENTS = ["two words", `it's "quoted"`, "$HOME; echo `id` | cat", "日本語 ✓ 🐳"].join("\n");

/**
 * The buffered half: `host.cli.exec(name, args)` with one array element per argument. Desktop joins
 * them into one command line and splits it by shell quoting rules; useExec quotes each element for
 * that (see @dext/ui's quoteForDesktop), and the table proves each arrived intact.
 */
export function ArgsPanel({ client }: { client: DesktopClient }): JSX.Element {
  const exec = useExec("host", client);
  const [text, setText] = useState(SAMPLE_ARGUMENTS);
  const [sent, setSent] = useState<string[]>([]);
  const received =
    exec.outcome?.ok === true
      ? exec.outcome.stdout
          .split("\n")
          .filter((line) => line !== "")
          .map((line) => JSON.parse(line) as string)
      : [];

  const send = () => {
    const values = text.split("\n");
    setSent(values);
    void exec.run("host-doctor", ["args", "--", ...values]);
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="args-title" sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Typography id="args-title" variant="h5" component="h2">
          Send arguments
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Buffered: one argument per line; host-doctor prints each one back as it received it.
        </Typography>
        <TextInput
          label="Arguments, one per line"
          multiline
          minRows={3}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
          inputProps={{ spellCheck: false }}
        />
        <div>
          <Button variant="contained" onClick={send} disabled={exec.running}>
            Send
          </Button>
        </div>
        {exec.error !== undefined && <Alert severity="error">Could not run host-doctor: {exec.error.message}</Alert>}
        {exec.outcome !== undefined && !exec.outcome.ok && (
          <Alert severity="error" aria-label="Exit status">
            {describeExit(exec.outcome.exitCode)}
            {exec.outcome.stderr !== "" && (
              <pre style={{ margin: 0, whiteSpace: "pre-wrap" }}>{exec.outcome.stderr}</pre>
            )}
          </Alert>
        )}
        {exec.outcome?.ok === true && <ArgumentsTable sent={sent} received={received} />}
      </Stack>
    </Paper>
  );
}
