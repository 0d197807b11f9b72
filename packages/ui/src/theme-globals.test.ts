import { packagedThemes } from "@docker/docker-mui-theme-packaged/dist/packagedThemes.js";
import { afterEach, describe, expect, it } from "vitest";
import { ensureDockerThemeGlobals, packagedDockerThemes } from "./theme-globals.ts";
import type { DockerThemeBag, DockerThemeGlobals } from "./theme-globals.ts";
import { clearThemeGlobals, themeGlobals } from "./testing/theme-globals.ts";

const globals = themeGlobals;
const desktopThemes: DockerThemeBag = {
  light: { palette: { mode: "light", primary: { main: "#123456" } } },
  dark: { palette: { mode: "dark", primary: { main: "#654321" } } },
};

afterEach(clearThemeGlobals);

describe("ensureDockerThemeGlobals", () => {
  it("installs Docker's packaged themes for both MUI versions when Desktop injected none", () => {
    const report = ensureDockerThemeGlobals();

    expect(report).toEqual({ v5: "packaged", v6: "packaged" });
    expect(globals.__ddMuiV6Themes).toBe(packagedDockerThemes);
    expect(globals.__ddMuiV5Themes).toBe(packagedDockerThemes);
  });

  it("never replaces themes Desktop injected, and fills only the missing version", () => {
    globals.__ddMuiV6Themes = desktopThemes;

    const report = ensureDockerThemeGlobals();

    expect(report).toEqual({ v5: "packaged", v6: "desktop" });
    expect(globals.__ddMuiV6Themes).toBe(desktopThemes);
    expect(globals.__ddMuiV5Themes).toBe(packagedDockerThemes);
  });

  it("is idempotent: a second call reports the packaged themes it installed, not Desktop's", () => {
    ensureDockerThemeGlobals();

    expect(ensureDockerThemeGlobals()).toEqual({ v5: "packaged", v6: "packaged" });
  });

  it("keeps Docker's packaged colours and names each palette's mode", () => {
    expect(packagedDockerThemes.dark.palette).toEqual({ ...packagedThemes.dark.palette, mode: "dark" });
    expect(packagedDockerThemes.light.palette).toEqual({ ...packagedThemes.light.palette, mode: "light" });
    expect(packagedDockerThemes.dark.components).toBe(packagedThemes.dark.components);
  });

  it("writes to the window it is given and leaves the global one alone", () => {
    const target = {} as Window & DockerThemeGlobals;

    ensureDockerThemeGlobals(target);

    expect(target.__ddMuiV6Themes).toBe(packagedDockerThemes);
    expect(globals.__ddMuiV6Themes).toBeUndefined();
  });
});
