import { CssBaseline } from "@mui/material";
import { QueryClientProvider } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { JSX, ReactNode } from "react";
import { DockerThemeProvider } from "./docker-theme-provider.tsx";
import { ErrorBoundary } from "./error-boundary.tsx";
import type { ErrorBoundaryProps } from "./error-boundary.tsx";
import { createDextQueryClient } from "./query-client.ts";
import { ensureDockerThemeGlobals } from "./theme-globals.ts";

export interface DextProviderProps {
  readonly children?: ReactNode;
  /** The react-query client for `useBackendQuery`/`useBackendMutation`; one is made on first render when absent. */
  readonly queryClient?: QueryClient;
  /** Told about each rendering error the root boundary catches. */
  readonly onError?: ErrorBoundaryProps["onError"];
}

/**
 * The root of an extension's UI: Docker's MUI theme and MUI's baseline styles, inside Docker
 * Desktop and outside it alike; a react-query client for the data hooks; and an error boundary,
 * so a crash shows a message instead of a blank tab. Light or dark follows
 * `prefers-color-scheme`, which is how Desktop switches an extension's theme (see
 * `DockerThemeProvider`).
 */
export function DextProvider({ children, queryClient, onError }: DextProviderProps): JSX.Element {
  // dext's theme provider falls back to the packaged themes by itself, but Docker's own providers,
  // which an extension may still nest, throw when the globals are missing (a blank page outside
  // Desktop). Filling them is idempotent and never replaces what Desktop injected. There are no
  // globals to fill while the first view is prerendered at build time.
  if (typeof window !== "undefined") ensureDockerThemeGlobals();
  const [ownClient] = useState(() => queryClient ?? createDextQueryClient());
  return (
    <DockerThemeProvider>
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient ?? ownClient}>
        <ErrorBoundary onError={onError}>{children}</ErrorBoundary>
      </QueryClientProvider>
    </DockerThemeProvider>
  );
}
