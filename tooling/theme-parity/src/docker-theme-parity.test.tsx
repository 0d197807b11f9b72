// On MUI 6 and React 18, where Docker's own DockerMuiV6ThemeProvider runs, @dext/ui's
// DockerThemeProvider gives its children the same theme: from Docker's packaged options, from the
// options Desktop injects, in light and dark, and in a page Desktop opens as a dialog.
import { DockerMuiV6ThemeProvider } from "@docker/docker-mui-theme";
import { DockerThemeProvider } from "@dext/ui";
import { colorSchemes, preferColorScheme } from "@dext/ui/testing";
import { useTheme, version } from "@mui/material";
import type { Theme } from "@mui/material";
import { cleanup, render } from "@testing-library/react";
import { version as reactVersion } from "react";
import type { JSX, ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

interface ThemeBag {
  light: object;
  dark: object;
}
type ThemeWindow = Window & { __ddMuiV5Themes?: ThemeBag; __ddMuiV6Themes?: ThemeBag };
const themeWindow = window as ThemeWindow;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete themeWindow.__ddMuiV5Themes;
  delete themeWindow.__ddMuiV6Themes;
});

/** The theme a provider gives its children, as data: functions (spacing, breakpoints) are compared by what they return. */
function themeUnder(Provider: (props: { children: ReactNode }) => JSX.Element | null): unknown {
  let seen: Theme | undefined;
  function Probe(): null {
    seen = useTheme();
    return null;
  }
  render(
    <Provider>
      <Probe />
    </Provider>,
  );
  cleanup();
  if (seen === undefined) throw new Error("the probe did not render");
  const { spacing, breakpoints, ...rest } = seen;
  return JSON.parse(JSON.stringify({ ...rest, spacing: spacing(1, 2), up: breakpoints.up("md") })) as unknown;
}

/** Docker's provider reads only the globals, so it gets dext's packaged themes as the kit installs them. */
async function installPackagedGlobals(): Promise<void> {
  const { ensureDockerThemeGlobals } = await import("@dext/ui");
  ensureDockerThemeGlobals();
}

const desktopThemes: ThemeBag = {
  light: { palette: { mode: "light", primary: { main: "#123456" } }, typography: { fontSize: 13 } },
  dark: { palette: { mode: "dark", primary: { main: "#654321" } }, shape: { borderRadius: 2 } },
};

it("runs where Docker's provider is supported: MUI 6 and React 18", () => {
  expect(version).toMatch(/^6\./);
  expect(reactVersion).toMatch(/^18\./);
});

describe.each(colorSchemes)("in %s", (scheme) => {
  it("builds the same theme as Docker's provider from the packaged themes", async () => {
    preferColorScheme(scheme);
    const ours = themeUnder(DockerThemeProvider);
    await installPackagedGlobals();
    expect(ours).toEqual(themeUnder(DockerMuiV6ThemeProvider));
    expect(ours).toMatchObject({ palette: { mode: scheme } });
  });

  it("builds the same theme as Docker's provider from the themes Desktop injected", () => {
    preferColorScheme(scheme);
    themeWindow.__ddMuiV6Themes = desktopThemes;
    const ours = themeUnder(DockerThemeProvider);
    expect(ours).toEqual(themeUnder(DockerMuiV6ThemeProvider));
    expect(ours).toMatchObject({ palette: { primary: { main: scheme === "light" ? "#123456" : "#654321" } } });
  });
});

it("paints a page Desktop opened as a dialog in the paper colour, as Docker's provider does", async () => {
  const before = window.location.href;
  window.history.replaceState(null, "", "?dialog=true");
  try {
    const ours = themeUnder(DockerThemeProvider);
    await installPackagedGlobals();
    expect(ours).toEqual(themeUnder(DockerMuiV6ThemeProvider));
  } finally {
    window.history.replaceState(null, "", before);
  }
});
