import { Alert, Box, Breadcrumbs, Link, List, ListItemButton, ListItemText, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import { childVolumePath } from "../../shared/volume-path.js";
import { describeFailure } from "./describe-failure.js";
import { formatBytes } from "./format-bytes.js";
import type { BackendClient } from "@dext/backend/client";
import type { JSX } from "react";
import type { Contract } from "../../shared/contract.js";
import type { Entry, Listing } from "../../shared/listing.js";

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
        <Box component="pre" aria-label="File content" sx={{ p: 1, m: 0, maxHeight: 320, overflow: "auto", bgcolor: "action.hover", fontSize: 12 }}>
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
  const [listing, setListing] = useState<Listing>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    setError(undefined);
    backend.browseVolume({ params: { name: volume }, query: { path } }).then(
      (answer) => {
        if (current) setListing(answer.listing);
      },
      (reason: unknown) => {
        if (current) setError(describeFailure(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [backend, volume, path]);

  const segments = path === "" ? [] : path.split("/");
  return (
    <Box component="section" aria-label="Files">
      <Breadcrumbs aria-label="Path">
        <Link component="button" onClick={() => setPath("")}>
          {volume}
        </Link>
        {segments.map((segment, index) => (
          <Link key={segments.slice(0, index + 1).join("/")} component="button" onClick={() => setPath(segments.slice(0, index + 1).join("/"))}>
            {segment}
          </Link>
        ))}
      </Breadcrumbs>
      {error !== undefined && <Alert severity="error">{error}</Alert>}
      {error === undefined && listing?.kind === "file" && <FileView listing={listing} />}
      {error === undefined && listing?.kind === "directory" && (
        <List dense aria-label="Entries">
          {listing.entries.length === 0 && <Typography color="text.secondary">Empty folder.</Typography>}
          {listing.entries.map((entry) => (
            <ListItemButton key={entry.name} onClick={() => setPath(childVolumePath(listing.path, entry.name))}>
              <ListItemText primary={`${entry.kind === "directory" ? "📁" : "📄"} ${entry.name}`} secondary={entryDetail(entry)} />
            </ListItemButton>
          ))}
          {listing.omitted > 0 && <Typography variant="body2">…and {listing.omitted} more entries, not listed.</Typography>}
        </List>
      )}
    </Box>
  );
}
