import { Box, Stack, Typography } from "@mui/material";
import type { JSX, ReactNode } from "react";

export interface PageHeaderProps {
  /** The page's one `h1`. */
  readonly title: ReactNode;
  readonly description?: ReactNode;
  /** Buttons or links shown beside the title (below it on a narrow tab). */
  readonly actions?: ReactNode;
}

/** The top of an extension's tab: its title as the page heading, a short description, actions. */
export function PageHeader({ title, description, actions }: PageHeaderProps): JSX.Element {
  return (
    <Stack
      component="header"
      direction={{ xs: "column", sm: "row" }}
      spacing={2}
      sx={{ alignItems: { sm: "flex-start" } }}
    >
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Typography variant="h3" component="h1">
          {title}
        </Typography>
        {description !== undefined && (
          <Typography variant="body1" color="text.secondary" component="div" sx={{ mt: 1 }}>
            {description}
          </Typography>
        )}
      </Box>
      {actions !== undefined && (
        <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexShrink: 0 }}>
          {actions}
        </Stack>
      )}
    </Stack>
  );
}
