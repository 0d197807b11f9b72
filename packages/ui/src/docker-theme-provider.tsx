import { ThemeProvider, createTheme } from "@mui/material/styles";
import { useMemo } from "react";
import type { JSX, ReactNode } from "react";
import { usePrefersDarkScheme } from "./use-prefers-dark-scheme.ts";
import { packagedDockerThemes } from "./theme-globals.ts";
import type { DockerThemeGlobals } from "./theme-globals.ts";

export interface DockerThemeProviderProps {
  readonly children?: ReactNode;
}

/**
 * Docker's MUI theme, light or dark as the page's `prefers-color-scheme` says (which is how Desktop
 * switches an extension's theme): the options Desktop injects as `__ddMuiV6Themes`, or Docker's
 * packaged ones when it injected none, and the paper colour as the page's background in a dialog
 * (`?dialog=true`). The same theme Docker's `DockerMuiV6ThemeProvider` makes, on MUI's public
 * `createTheme` and `ThemeProvider`, so it works on every MUI that Docker's theme data fits (Docker's
 * own provider stops at MUI 6 and React 18).
 */
export function DockerThemeProvider({ children }: DockerThemeProviderProps): JSX.Element {
  const dark = usePrefersDarkScheme();
  // Without a window (the build-time prerender) the theme is the packaged one, which the first
  // view's chooser script checks Desktop's injected theme against before it shows that view.
  const injected = typeof window === "undefined" ? undefined : (window as Window & DockerThemeGlobals).__ddMuiV6Themes;
  const bag = injected ?? packagedDockerThemes;
  const options = dark ? bag.dark : bag.light;
  const theme = useMemo(() => {
    const built = createTheme(options);
    // As Docker's provider does: a page Desktop opens as a dialog is painted in the paper colour.
    if (typeof window !== "undefined" && new URLSearchParams(window.location.search).get("dialog") === "true") {
      built.palette.background.default = built.palette.background.paper;
    }
    return built;
  }, [options]);
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
}
