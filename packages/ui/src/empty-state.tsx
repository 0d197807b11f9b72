import { Stack, Typography } from "@mui/material";
import type { JSX, ReactNode } from "react";

export interface EmptyStateProps {
  /** What is empty, e.g. "No volumes yet". */
  readonly title: string;
  /** Why, or what would fill it. */
  readonly description?: ReactNode;
  /** The one thing to do next, e.g. a Create button. */
  readonly action?: ReactNode;
}

/**
 * What a list or view shows when it has nothing to show: says so, and what to do next, rather
 * than an empty table that looks broken. Role `status`, so a list that empties is announced.
 */
export function EmptyState({ title, description, action }: EmptyStateProps): JSX.Element {
  return (
    <Stack role="status" spacing={1} sx={{ py: 4, px: 2, textAlign: "center", alignItems: "center" }}>
      <Typography variant="h6" component="p">
        {title}
      </Typography>
      {description !== undefined && (
        <Typography variant="body2" color="text.secondary" component="div" sx={{ maxWidth: 520 }}>
          {description}
        </Typography>
      )}
      {action}
    </Stack>
  );
}
