import {
  Button,
  Chip,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from "@mui/material";
import { EmptyState } from "@dext/ui";
import { formatBytes } from "./format-bytes.ts";
import type { JSX } from "react";
import type { Volume } from "../../shared/contract.ts";
import type { State } from "../../shared/state.ts";

export interface VolumeTableProps {
  volumes: readonly Volume[];
  state: State;
  selected: string | undefined;
  onSelect: (name: string) => void;
  onTogglePin: (name: string, pinned: boolean) => void;
}

function sizeText(volume: Volume): string {
  if (volume.scan === null) return "not scanned";
  if (volume.scan.bytes === null) return "unknown";
  return formatBytes(volume.scan.bytes);
}

function filesText(volume: Volume): string {
  const contents = volume.scan?.contents;
  if (contents === undefined) return "";
  if (contents === null) return volume.scan?.problem ?? "";
  return `${contents.files.toLocaleString("en")}${contents.complete ? "" : "+"} files`;
}

/** Pinned volumes first, then by name; one row per volume. */
export function VolumeTable({ volumes, state, selected, onSelect, onTogglePin }: VolumeTableProps): JSX.Element {
  const pinned = new Set(state.pinned);
  const rows = [...volumes].sort((a, b) => Number(pinned.has(b.name)) - Number(pinned.has(a.name)));
  if (rows.length === 0) {
    return (
      <EmptyState
        title="The engine has no volumes"
        description="Create one with docker volume create, or start a compose project that declares one, then Refresh."
      />
    );
  }
  return (
    <Table size="small" aria-label="Volumes">
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell>Volume</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell>Contents</TableCell>
          <TableCell>Used by</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((volume) => {
          const isPinned = pinned.has(volume.name);
          const note = state.notes[volume.name];
          return (
            <TableRow key={volume.name} selected={volume.name === selected} data-volume={volume.name}>
              <TableCell padding="checkbox">
                <IconButton
                  aria-label={`${isPinned ? "Unpin" : "Pin"} ${volume.name}`}
                  aria-pressed={isPinned}
                  onClick={() => onTogglePin(volume.name, !isPinned)}
                >
                  {isPinned ? "★" : "☆"}
                </IconButton>
              </TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ fontFamily: "monospace", wordBreak: "break-all" }}>
                  {volume.name}
                </Typography>
                {volume.composeProject !== null && (
                  <Typography variant="caption" color="text.secondary">
                    compose project {volume.composeProject}
                  </Typography>
                )}
                {note !== undefined && (
                  <Tooltip title={note}>
                    <Typography variant="caption" component="div" noWrap sx={{ maxWidth: 280 }}>
                      📝 {note}
                    </Typography>
                  </Tooltip>
                )}
              </TableCell>
              <TableCell align="right">{sizeText(volume)}</TableCell>
              <TableCell>{filesText(volume)}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
                  {volume.usedBy.length === 0 && (
                    <Typography variant="body2" color="text.secondary">
                      unused
                    </Typography>
                  )}
                  {volume.usedBy.map((use) => (
                    <Chip
                      key={use.id}
                      size="small"
                      label={use.name}
                      color={use.state === "running" ? "primary" : "default"}
                      title={`${use.state}, at ${use.destination}${use.readOnly ? " (read-only)" : ""}`}
                    />
                  ))}
                </Stack>
              </TableCell>
              <TableCell>
                <Button size="small" onClick={() => onSelect(volume.name)} aria-label={`Browse ${volume.name}`}>
                  Browse
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
