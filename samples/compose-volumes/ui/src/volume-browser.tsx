import { Box, Breadcrumbs, Link, List, ListItemButton, ListItemText, Typography } from "@mui/material";
import { EmptyState, ErrorBanner, useBackendQuery } from "@dext/ui";
import { useState } from "react";
import { childVolumePath } from "../../shared/volume-path.ts";
import { formatBytes } from "./format-bytes.ts";
import type { BackendClient } from "@dext/backend/client";
import type { JSX } from "react";
import type { Contract } from "../../shared/contract.ts";
import type { Entry, Listing } from "../../shared/listing.ts";

function entryDetail(entry: Entry): string {
  if (entry.kind === "directory") return "folder";
  if (entry.kind === "symlink") return `link to ${entry.target ?? "?"}`;
  if (entry.kind === "other") return "special file";
  return formatBytes(entry.bytes);
}

function FileView({ listing }: { listing: Extract<Listing, { kind: "file" }> }): JSX.Element {
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {formatBytes(listing.bytes)}, modified {new Date(listing.modifiedAt).toLocaleString("en")}
      </Typography>
      {listing.preview === null ? (
        <Typography variant="body2">Binary content: not shown.</Typography>
      ) : (
        <Box
          component="pre"
          tabIndex={0}
          aria-label="File content"
          sx={{ p: 1, m: 0, maxHeight: 320, overflow: "auto", bgcolor: "action.hover", fontSize: 12 }}
        >
          {listing.preview}
          {listing.previewTruncated && "\n…"}
        </Box>
      )}
    </Box>
  );
}

/** The volume's files, read-only: one helper container per folder opened. */
export function VolumeBrowser({ backend, volume }: { backend: BackendClient<Contract>; volume: string }): JSX.Element {
  const [path, setPath] = useState("");
  // The previous folder stays on screen while the next one loads.
  const browse = useBackendQuery(
    backend,
    "browseVolume",
    { params: { name: volume }, query: { path } },
    { placeholderData: (previous) => previous },
  );
  const listing = browse.data?.listing;

  const segments = path === "" ? [] : path.split("/");
  return (
    <Box component="section" aria-label="Files">
      <Breadcrumbs aria-label="Path">
        <Link component="button" onClick={() => setPath("")}>
          {volume}
        </Link>
        {segments.map((segment, index) => (
          <Link
            key={segments.slice(0, index + 1).join("/")}
            component="button"
            onClick={() => setPath(segments.slice(0, index + 1).join("/"))}
          >
            {segment}
          </Link>
        ))}
      </Breadcrumbs>
      <ErrorBanner error={browse.error} title="Could not open this path" onRetry={() => void browse.refetch()} />
      {browse.error === null && listing?.kind === "file" && <FileView listing={listing} />}
      {browse.error === null && listing?.kind === "directory" && listing.entries.length === 0 && (
        <EmptyState title="Empty folder" />
      )}
      {browse.error === null && listing?.kind === "directory" && listing.entries.length > 0 && (
        <List dense aria-label="Entries">
          {listing.entries.map((entry) => (
            <ListItemButton key={entry.name} onClick={() => setPath(childVolumePath(listing.path, entry.name))}>
              <ListItemText
                primary={`${entry.kind === "directory" ? "📁" : "📄"} ${entry.name}`}
                secondary={entryDetail(entry)}
              />
            </ListItemButton>
          ))}
          {listing.omitted > 0 && (
            <Typography variant="body2">…and {listing.omitted} more entries, not listed.</Typography>
          )}
        </List>
      )}
    </Box>
  );
}
