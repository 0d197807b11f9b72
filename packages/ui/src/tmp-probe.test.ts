import createThemeNoVars from "@mui/material/styles/createThemeNoVars";
import ThemeProviderNoVars from "@mui/material/styles/ThemeProviderNoVars";
import { it, expect } from "vitest";
it("probe", () => { expect(typeof createThemeNoVars({ palette: { mode: "dark" } }).palette.background.default).toBe("string"); expect(typeof ThemeProviderNoVars).toBe("function"); });
