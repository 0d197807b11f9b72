import { DockerMuiV6ThemeProvider } from "@docker/docker-mui-theme";
import { useTheme } from "@mui/material";
import type { Theme } from "@mui/material";
import { cleanup, render } from "@testing-library/react";
import type { JSX, ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DockerThemeProvider } from "./docker-theme-provider.js";
import { colorSchemes, preferColorScheme } from "./test-support/color-scheme.js";
import { ensureDockerThemeGlobals, packagedDockerThemes } from "./theme-globals.js";
import type { DockerThemeBag } from "./theme-globals.js";
import { clearThemeGlobals, themeGlobals } from "./test-support/theme-globals.js";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  clearThemeGlobals();
});

/** The theme a provider gives its children, as data: functions (spacing, breakpoints) are compared by what they return. */
function themeUnder(Provider: (props: { children: ReactNode }) => JSX.Element): unknown {
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
  return JSON.parse(JSON.stringify({ ...rest, spacing: spacing(1, 2), up: breakpoints.up("md") }));
}

const desktopThemes: DockerThemeBag = {
  light: { palette: { mode: "light", primary: { main: "#123456" } }, typography: { fontSize: 13 } },
  dark: { palette: { mode: "dark", primary: { main: "#654321" } }, shape: { borderRadius: 2 } },
};

describe.each(colorSchemes)("DockerThemeProvider in %s", (scheme) => {
  it("builds the same theme as Docker's DockerMuiV6ThemeProvider from the packaged themes", () => {
    preferColorScheme(scheme);
    const ours = themeUnder(DockerThemeProvider);
    ensureDockerThemeGlobals();
    const docker = themeUnder(DockerMuiV6ThemeProvider);
    expect(ours).toEqual(docker);
    expect(ours).toMatchObject({ palette: { mode: scheme } });
  });

  it("builds the same theme as Docker's provider from the themes Desktop injected", () => {
    preferColorScheme(scheme);
    themeGlobals.__ddMuiV6Themes = desktopThemes;
    const ours = themeUnder(DockerThemeProvider);
    expect(ours).toEqual(themeUnder(DockerMuiV6ThemeProvider));
    expect(ours).toMatchObject({ palette: { primary: { main: scheme === "light" ? "#123456" : "#654321" } } });
  });
});

describe("DockerThemeProvider", () => {
  it("renders in the light theme where the page has no matchMedia", () => {
    vi.stubGlobal("matchMedia", undefined);
    expect(themeUnder(DockerThemeProvider)).toMatchObject({ palette: { mode: "light" } });
  });

  it("paints a page Desktop opened as a dialog in the paper colour, as Docker's provider does", () => {
    const before = window.location.href;
    window.history.replaceState(null, "", "?dialog=true");
    try {
      const ours = themeUnder(DockerThemeProvider);
      ensureDockerThemeGlobals();
      expect(ours).toEqual(themeUnder(DockerMuiV6ThemeProvider));
      expect(ours).toMatchObject({ palette: { background: { default: packagedDockerThemes.light.palette?.background?.paper } } });
    } finally {
      window.history.replaceState(null, "", before);
    }
  });

  it("gives its children a theme without CSS variables, as MUI's ThemeProvider gives a plain theme", () => {
    expect(themeUnder(DockerThemeProvider)).toMatchObject({ vars: null });
  });
});
