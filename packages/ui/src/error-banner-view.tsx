import { Alert, AlertTitle, Box, Button, Stack } from "@mui/material";
import { useId, useState } from "react";
import type { JSX } from "react";
import { describeError } from "./describe-error.ts";
import type { ErrorBannerProps } from "./error-banner.tsx";

function reloadPage(): void {
  // Desktop re-creates an extension's UI on reload, as it does each time the tab opens.
  window.location.reload();
}

/** The banner itself, loaded by `ErrorBanner` with the first error it shows. */
export function ErrorBannerView({ error, title, onRetry, onReload = reloadPage }: ErrorBannerProps): JSX.Element {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const description = describeError(error);
  const actions = description.actions.filter((action) => action !== "retry" || onRetry !== undefined);

  return (
    <Alert severity={description.severity} role="alert">
      <AlertTitle>{title ?? description.title}</AlertTitle>
      {title !== undefined && <Box component="strong">{description.title}. </Box>}
      {description.message}
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: "wrap" }} useFlexGap>
        {actions.includes("retry") && (
          <Button size="small" variant="outlined" color="inherit" onClick={onRetry}>
            Try again
          </Button>
        )}
        {actions.includes("reload") && (
          <Button size="small" variant="outlined" color="inherit" onClick={onReload}>
            Reload the extension
          </Button>
        )}
        <Button
          size="small"
          color="inherit"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          {open ? "Hide details" : "Details"}
        </Button>
      </Stack>
      <Box
        component="dl"
        id={detailsId}
        hidden={!open}
        sx={{ m: 0, mt: 1, "& dt": { fontWeight: 700 }, "& dd": { m: 0, mb: 0.5, wordBreak: "break-word" } }}
      >
        {description.details.map(([label, value]) => (
          <Box key={label} component="div">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Box>
        ))}
      </Box>
    </Alert>
  );
}
