// Deep imports on purpose: `createTheme` and `ThemeProvider` from "@mui/material/styles" carry
// MUI 6's CSS-variables theme builder and provider (about 6 KB gzip) into every tab, and Docker's
// theme options never ask for CSS variables.
import createThemeNoVars from "@mui/material/styles/createThemeNoVars";
import ThemeProviderNoVars from "@mui/material/styles/ThemeProviderNoVars";
import { useMemo } from "react";
import type { JSX, ReactNode } from "react";
import { usePrefersDarkScheme } from "./use-prefers-dark-scheme.js";
import { packagedDockerThemes } from "./theme-globals.js";
import type { DockerThemeGlobals } from "./theme-globals.js";

export interface DockerThemeProviderProps {
  readonly children?: ReactNode;
}

/**
 * Docker's MUI theme, light or dark as the page's `prefers-color-scheme` says (which is how Desktop
 * switches an extension's theme): the options Desktop injects as `__ddMuiV6Themes`, or Docker's
 * packaged ones when it injected none. The same choice Docker's `DockerMuiV6ThemeProvider` makes,
 * built with MUI's plain theme builder. Options that ask for CSS variables (`cssVariables`,
 * `colorSchemes`) are not supported: Docker's never do.
 */
export function DockerThemeProvider({ children }: DockerThemeProviderProps): JSX.Element {
  const dark = usePrefersDarkScheme();
  const injected = (window as Window & DockerThemeGlobals).__ddMuiV6Themes;
  const bag = injected ?? packagedDockerThemes;
  const options = dark ? bag.dark : bag.light;
  const theme = useMemo(() => createThemeNoVars(options), [options]);
  return <ThemeProviderNoVars theme={theme}>{children}</ThemeProviderNoVars>;
}
