import { useTheme } from "@mui/material";
import { render } from "@testing-library/react";
import type { RenderResult } from "@testing-library/react";
import type { JSX, ReactNode } from "react";
import { DextProvider } from "../dext-provider.js";
import { preferColorScheme } from "./color-scheme.js";
import type { ColorScheme } from "./color-scheme.js";

function ModeProbe(): JSX.Element {
  return <meta data-testid="theme-mode" content={useTheme().palette.mode} />;
}

function Themed({ children }: { readonly children?: ReactNode }): JSX.Element {
  return (
    <DextProvider>
      <ModeProbe />
      {children}
    </DextProvider>
  );
}

/**
 * Renders `ui` in DextProvider with the page preferring `scheme` (`rerender` keeps the provider),
 * and checks that Docker's theme really is in that mode, so a test named "dark" cannot silently
 * run in light.
 */
export function renderThemed(scheme: ColorScheme, ui: ReactNode): RenderResult {
  preferColorScheme(scheme);
  const result = render(ui, { wrapper: Themed });
  const mode = result.getByTestId("theme-mode").getAttribute("content");
  if (mode !== scheme) throw new Error(`Expected Docker's ${scheme} theme, got ${String(mode)}`);
  return result;
}
