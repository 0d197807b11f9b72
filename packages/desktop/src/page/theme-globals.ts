import { packagedThemes } from "@docker/docker-mui-theme-packaged/dist/packagedThemes.js";

type ThemeBag = { light: Record<string, unknown>; dark: Record<string, unknown> };

declare global {
  var __ddMuiV5Themes: ThemeBag | undefined;
  var __ddMuiV6Themes: ThemeBag | undefined;
}

/**
 * Desktop injects its MUI themes as globals before an extension loads; Docker's providers throw
 * without them (a blank page). The host injects Docker's own packaged palette the same way, with
 * `palette.mode` set so MUI derives dark-mode text and dividers correctly.
 */
export function installThemeGlobals(): void {
  const bag = packagedThemes as unknown as ThemeBag;
  const withMode = (theme: Record<string, unknown>, mode: "light" | "dark") => ({
    ...theme,
    palette: { ...(theme.palette as Record<string, unknown>), mode },
  });
  const themes: ThemeBag = { light: withMode(bag.light, "light"), dark: withMode(bag.dark, "dark") };
  globalThis.__ddMuiV5Themes ??= themes;
  globalThis.__ddMuiV6Themes ??= themes;
}
