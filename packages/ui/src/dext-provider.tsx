import { DockerMuiV6ThemeProvider } from "@docker/docker-mui-theme";
import { CssBaseline } from "@mui/material";
import type { JSX, ReactNode } from "react";
import { ensureDockerThemeGlobals } from "./theme-globals.js";

export interface DextProviderProps {
  readonly children?: ReactNode;
}

/**
 * Docker's MUI theme and MUI's baseline styles, inside Docker Desktop and outside it alike.
 * Light or dark follows `prefers-color-scheme`, which is how Docker's provider picks it and how
 * Desktop switches an extension's theme.
 */
export function DextProvider({ children }: DextProviderProps): JSX.Element {
  // Docker's provider reads the theme globals during its own first render and throws when they
  // are missing (a blank page outside Desktop). Filling them here, before it renders, is
  // idempotent and never replaces what Desktop injected, so doing it on every render is safe.
  ensureDockerThemeGlobals();
  return (
    <DockerMuiV6ThemeProvider>
      <CssBaseline enableColorScheme />
      {children}
    </DockerMuiV6ThemeProvider>
  );
}
