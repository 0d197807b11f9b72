// DockerThemeProvider on the MUI and React this kit ships. That it builds the same theme as Docker's
// own DockerMuiV6ThemeProvider is proven where that provider runs (MUI 6, React 18):
// tooling/theme-parity.
import { createTheme, useTheme } from "@mui/material";
import type { Theme } from "@mui/material";
import { cleanup, render } from "@testing-library/react";
import type { JSX, ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DockerThemeProvider } from "./docker-theme-provider.tsx";
import { colorSchemes, preferColorScheme } from "./testing/color-scheme.ts";
import { packagedDockerThemes } from "./theme-globals.ts";
import type { DockerThemeBag } from "./theme-globals.ts";
import { clearThemeGlobals, themeGlobals } from "./testing/theme-globals.ts";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  clearThemeGlobals();
});

/** The theme a provider gives its children, as data: functions (spacing, breakpoints) are compared by what they return. */
function asData(theme: Theme): unknown {
  return JSON.parse(JSON.stringify(withFunctionsCalled(theme)));
}

/** MUI's ThemeProvider gives a plain theme `vars: null`, so what the children see has it too. */
function provided(theme: Theme): unknown {
  return asData(Object.assign(theme, { vars: null }));
}

function withFunctionsCalled(theme: Theme): object {
  const { spacing, breakpoints, ...rest } = theme;
  return { ...rest, spacing: spacing(1, 2), up: breakpoints.up("md") };
}

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
  return asData(seen);
}

const desktopThemes: DockerThemeBag = {
  light: { palette: { mode: "light", primary: { main: "#123456" } }, typography: { fontSize: 13 } },
  dark: { palette: { mode: "dark", primary: { main: "#654321" } }, shape: { borderRadius: 2 } },
};

describe.each(colorSchemes)("DockerThemeProvider in %s", (scheme) => {
  it("builds MUI's theme from Docker's packaged options for the page's colour scheme", () => {
    preferColorScheme(scheme);
    expect(themeUnder(DockerThemeProvider)).toEqual(provided(createTheme(packagedDockerThemes[scheme])));
    expect(themeUnder(DockerThemeProvider)).toMatchObject({ palette: { mode: scheme } });
  });

  it("prefers the options Desktop injected over the packaged ones", () => {
    preferColorScheme(scheme);
    themeGlobals.__ddMuiV6Themes = desktopThemes;
    const ours = themeUnder(DockerThemeProvider);
    expect(ours).toEqual(provided(createTheme(desktopThemes[scheme])));
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
      const paper = packagedDockerThemes.light.palette?.background?.paper;
      expect(themeUnder(DockerThemeProvider)).toMatchObject({ palette: { background: { default: paper, paper } } });
    } finally {
      window.history.replaceState(null, "", before);
    }
  });

  it("switches theme when the page's colour scheme changes, as Desktop's light/dark switch does", async () => {
    const media = preferColorScheme("light");
    let mode: string | undefined;
    function Probe(): null {
      mode = useTheme().palette.mode;
      return null;
    }
    render(
      <DockerThemeProvider>
        <Probe />
      </DockerThemeProvider>,
    );
    expect(mode).toBe("light");
    const { act } = await import("@testing-library/react");
    act(() => {
      media.switchTo("dark");
    });
    expect(mode).toBe("dark");
  });
});
