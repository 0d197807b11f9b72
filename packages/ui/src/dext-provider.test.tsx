import { packagedThemes } from "@docker/docker-mui-theme-packaged/dist/packagedThemes.js";
import { Button, useTheme } from "@mui/material";
import type { ThemeOptions } from "@mui/material";
import { act, cleanup, render, screen } from "@testing-library/react";
import type { JSX } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DextProvider } from "./dext-provider.tsx";
import { preferColorScheme } from "./testing/color-scheme.ts";
import type { DockerThemeBag } from "./theme-globals.ts";
import { clearThemeGlobals, themeGlobals } from "./testing/theme-globals.ts";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  clearThemeGlobals();
});

function ThemeProbe(): JSX.Element {
  const { palette } = useTheme();
  return <output data-testid="theme" data-mode={palette.mode} data-background={palette.background.default} />;
}

function primaryMain(options: ThemeOptions): string | undefined {
  const primary = options.palette?.primary;
  return primary !== undefined && "main" in primary ? primary.main : undefined;
}

function backgroundDefault(options: ThemeOptions): string | undefined {
  return options.palette?.background?.default;
}

describe("DextProvider", () => {
  it("renders its children in Docker's packaged palette when Desktop injected no theme", () => {
    render(
      <DextProvider>
        <Button variant="contained">Go</Button>
        <ThemeProbe />
      </DextProvider>,
    );

    const button = screen.getByRole("button", { name: "Go" });
    // MUI 6 paints a contained button through this custom property.
    expect(getComputedStyle(button).getPropertyValue("--variant-containedBg")).toBe(primaryMain(packagedThemes.light));
    expect(screen.getByTestId("theme").dataset.background).toBe(backgroundDefault(packagedThemes.light));
  });

  it("paints the page background from Docker's palette through CssBaseline", () => {
    render(<DextProvider>content</DextProvider>);

    // #F4F4F6, Docker's light background.
    expect(getComputedStyle(document.body).backgroundColor).toBe("rgb(244, 244, 246)");
    expect(backgroundDefault(packagedThemes.light)).toBe("#F4F4F6");
  });

  it("uses the themes Desktop injected and leaves them untouched", () => {
    const desktopThemes: DockerThemeBag = {
      light: { palette: { mode: "light", primary: { main: "#123456" } } },
      dark: { palette: { mode: "dark", primary: { main: "#654321" } } },
    };
    const before = structuredClone(desktopThemes);
    themeGlobals.__ddMuiV6Themes = desktopThemes;

    render(
      <DextProvider>
        <Button variant="contained">Go</Button>
      </DextProvider>,
    );

    const button = screen.getByRole("button", { name: "Go" });
    expect(getComputedStyle(button).getPropertyValue("--variant-containedBg")).toBe("#123456");
    expect(themeGlobals.__ddMuiV6Themes).toBe(desktopThemes);
    expect(desktopThemes).toEqual(before);
  });

  it("chooses Docker's dark theme when the page prefers a dark colour scheme", () => {
    preferColorScheme("dark");

    render(
      <DextProvider>
        <ThemeProbe />
      </DextProvider>,
    );

    const probe = screen.getByTestId("theme");
    expect(probe.dataset.mode).toBe("dark");
    expect(probe.dataset.background).toBe(backgroundDefault(packagedThemes.dark));
  });

  it("follows a switch of the colour scheme while the page is open", () => {
    const colorScheme = preferColorScheme("light");
    render(
      <DextProvider>
        <ThemeProbe />
      </DextProvider>,
    );
    expect(screen.getByTestId("theme").dataset.mode).toBe("light");

    act(() => {
      colorScheme.switchTo("dark");
    });

    expect(screen.getByTestId("theme").dataset.mode).toBe("dark");
  });
});
