import { Alert, Chip, Table, TableBody, TableCell, TableHead, TableRow } from "@mui/material";
import type { JSX } from "react";
import type { ToolLine } from "../../shared/doctor-report.ts";

// All of this shows only after a run, so doctor-panel and args-panel load this file then (lazyView).

/** MUI's Alert, for the outcome of a run. */
export const RunAlert = Alert;

/** host-doctor's verdict for each tool, one row per streamed line. */
export function ToolTable({ tools }: { readonly tools: readonly ToolLine[] }): JSX.Element {
  return (
    <Table size="small" aria-label="Tools">
      <TableHead>
        <TableRow>
          <TableCell>Tool</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Detail</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tools.map((tool) => (
          <TableRow key={tool.name}>
            <TableCell>{tool.name}</TableCell>
            <TableCell>
              <Chip size="small" color={tool.found ? "success" : "default"} label={tool.found ? "found" : "missing"} />
            </TableCell>
            <TableCell>{tool.version ?? "-"}</TableCell>
            <TableCell>{tool.detail}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Each argument as sent and as host-doctor printed it back. */
export function ArgumentsTable({
  sent,
  received,
}: {
  readonly sent: readonly string[];
  readonly received: readonly string[];
}): JSX.Element {
  return (
    <Table size="small" aria-label="Arguments received">
      <TableHead>
        <TableRow>
          <TableCell>Sent</TableCell>
          <TableCell>Received</TableCell>
          <TableCell>Intact</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sent.map((value, index) => (
          <TableRow key={index}>
            <TableCell>
              <code>{JSON.stringify(value)}</code>
            </TableCell>
            <TableCell>
              <code>{JSON.stringify(received[index])}</code>
            </TableCell>
            <TableCell>{received[index] === value ? "yes" : "NO"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
