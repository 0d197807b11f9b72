import { packagedThemes } from "@docker/docker-mui-theme-packaged/dist/packagedThemes.js";
import type { ThemeOptions } from "@mui/material/styles";

/** Light and dark MUI theme options, the shape Docker Desktop injects into an extension's page. */
export interface DockerThemeBag {
  readonly light: ThemeOptions;
  readonly dark: ThemeOptions;
}

/** The globals Docker's theme providers read; Desktop sets them before the extension loads. */
export interface DockerThemeGlobals {
  __ddMuiV5Themes?: DockerThemeBag | undefined;
  __ddMuiV6Themes?: DockerThemeBag | undefined;
}

/** Where each global came from: Desktop's own injection, or dext's fallback. */
export type ThemeGlobalSource = "desktop" | "packaged";

export interface ThemeGlobalsReport {
  readonly v5: ThemeGlobalSource;
  readonly v6: ThemeGlobalSource;
}

/**
 * Docker's packaged themes (its fallback for a Desktop that injects none), as dext installs them.
 * The packaged palettes do not name their mode, so MUI would build the dark one as a "light"
 * palette (dark contrast text, dark dividers, a light colour-scheme); naming the mode fixes
 * that without touching Docker's colours.
 */
export const packagedDockerThemes: DockerThemeBag = {
  light: withMode(packagedThemes.light, "light"),
  dark: withMode(packagedThemes.dark, "dark"),
};

/**
 * Makes Docker's theme providers renderable anywhere: when Desktop has not injected
 * `__ddMuiV6Themes` / `__ddMuiV5Themes` (a test, a plain browser, a dev host), installs
 * Docker's packaged light and dark themes there. What Desktop injected is never replaced.
 * Idempotent, so it is safe to call on every render.
 */
export function ensureDockerThemeGlobals(win: Window = window): ThemeGlobalsReport {
  const globals = win as Window & DockerThemeGlobals;
  globals.__ddMuiV5Themes ??= packagedDockerThemes;
  globals.__ddMuiV6Themes ??= packagedDockerThemes;
  return { v5: sourceOf(globals.__ddMuiV5Themes), v6: sourceOf(globals.__ddMuiV6Themes) };
}

function sourceOf(bag: DockerThemeBag): ThemeGlobalSource {
  return bag === packagedDockerThemes ? "packaged" : "desktop";
}

function withMode(options: ThemeOptions, mode: "light" | "dark"): ThemeOptions {
  return { ...options, palette: { ...options.palette, mode } };
}
