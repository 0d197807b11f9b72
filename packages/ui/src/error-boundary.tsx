import { Button, Stack, Typography } from "@mui/material";
import { Component } from "react";
import type { ErrorInfo, JSX, ReactNode } from "react";

export interface ErrorBoundaryProps {
  readonly children?: ReactNode;
  /** Replaces the default fallback; `reset` renders the children again. */
  readonly fallback?: (error: Error, reset: () => void) => ReactNode;
  /** Told about each error caught, e.g. to log it. */
  readonly onError?: (error: Error, info: ErrorInfo) => void;
}

interface ErrorBoundaryState {
  readonly error: Error | undefined;
}

export interface ErrorFallbackProps {
  readonly error: Error;
  readonly reset: () => void;
}

/**
 * What a crashed view shows by default: the message, and ways out that need no developer tools.
 * Built from what every tab already loads (no Alert), so it never waits on, or fails with, a
 * chunk fetch: the crash it reports may be exactly that.
 */
export function ErrorFallback({ error, reset }: ErrorFallbackProps): JSX.Element {
  return (
    <Stack
      role="alert"
      spacing={1}
      sx={{ m: 2, p: 2, borderLeft: 4, borderColor: "error.main", bgcolor: "background.paper", borderRadius: 1 }}
    >
      <Typography component="p" variant="subtitle1" sx={{ fontWeight: 700 }}>
        This view stopped working
      </Typography>
      <Typography variant="body2">{error.message === "" ? error.name : error.message}</Typography>
      <Stack direction="row" spacing={1}>
        <Button size="small" variant="outlined" onClick={reset}>
          Try again
        </Button>
        <Button size="small" variant="outlined" onClick={() => window.location.reload()}>
          Reload the extension
        </Button>
      </Stack>
    </Stack>
  );
}

/**
 * Catches a rendering error below it and shows a readable fallback instead of the blank tab React
 * leaves when an error escapes. `DextProvider` puts one around the whole UI; put more around
 * parts that may fail on their own.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined };

  static getDerivedStateFromError(reason: unknown): ErrorBoundaryState {
    return { error: reason instanceof Error ? reason : new Error(String(reason)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  private readonly reset = (): void => {
    this.setState({ error: undefined });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return this.props.fallback?.(error, this.reset) ?? <ErrorFallback error={error} reset={this.reset} />;
  }
}
