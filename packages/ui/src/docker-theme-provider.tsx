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
 * packaged ones when it injected none, and the paper colour as the page's background in a dialog
 * (`?dialog=true`). The same theme Docker's `DockerMuiV6ThemeProvider` makes, built with MUI's
 * plain theme builder and provider. Options that ask for CSS variables (`cssVariables`,
 * `colorSchemes`) are not supported: Docker's never do.
 */
export function DockerThemeProvider({ children }: DockerThemeProviderProps): JSX.Element {
  const dark = usePrefersDarkScheme();
  const injected = (window as Window & DockerThemeGlobals).__ddMuiV6Themes;
  const bag = injected ?? packagedDockerThemes;
  const options = dark ? bag.dark : bag.light;
  const theme = useMemo(() => {
    const built = createThemeNoVars(options);
    // As Docker's provider does: a page Desktop opens as a dialog is painted in the paper colour.
    if (new URLSearchParams(window.location.search).get("dialog") === "true") {
      built.palette.background.default = built.palette.background.paper;
    }
    // As MUI's ThemeProvider does for a plain theme: no CSS variables inherited from a provider above.
    return Object.assign(built, { vars: null });
  }, [options]);
  return <ThemeProviderNoVars theme={theme}>{children}</ThemeProviderNoVars>;
}
