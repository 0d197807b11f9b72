import type { DockerThemeGlobals } from "../theme-globals.ts";

/** The window as Docker's theme globals see it: what Desktop injects and the kit fills. */
export const themeGlobals = window as Window & DockerThemeGlobals;

/** Forgets the theme globals a test injected or the kit filled, as a fresh page has none. */
export function clearThemeGlobals(): void {
  delete themeGlobals.__ddMuiV5Themes;
  delete themeGlobals.__ddMuiV6Themes;
}
