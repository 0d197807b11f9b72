import { useTheme } from "@mui/material";
import { render } from "@testing-library/react";
import type { RenderResult } from "@testing-library/react";
import type { JSX, ReactNode } from "react";
import { DextProvider } from "../dext-provider.tsx";
import { preferColorScheme } from "./color-scheme.ts";
import type { ColorScheme } from "./color-scheme.ts";

// A span, not a meta: React 19 hoists <meta> into the document's head, out of the render's container.
function ModeProbe(): JSX.Element {
  return <span hidden data-testid="theme-mode" data-mode={useTheme().palette.mode} />;
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
  const mode = result.getByTestId("theme-mode").getAttribute("data-mode");
  if (mode !== scheme) throw new Error(`Expected Docker's ${scheme} theme, got ${String(mode)}`);
  return result;
}
