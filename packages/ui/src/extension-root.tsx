import { CacheProvider } from "@emotion/react";
import { StrictMode } from "react";
import { hydrateRoot, createRoot } from "react-dom/client";
import type { ReactNode } from "react";
import { DextProvider } from "./dext-provider.tsx";
import { createEmotionCache } from "./emotion-cache.ts";
import type { DextProviderProps } from "./dext-provider.tsx";
import { prerenderedScheme } from "./first-view-scheme.ts";

export type ExtensionRootOptions = Omit<DextProviderProps, "children">;

/** What an extension's page renders: its app in StrictMode under the kit's provider. The build's prerender renders the same. */
export function extensionTree(app: ReactNode, options: ExtensionRootOptions = {}): ReactNode {
  return (
    <StrictMode>
      <DextProvider {...options}>{app}</DextProvider>
    </StrictMode>
  );
}

/**
 * Renders an extension's app into `#root` (or `container`). When the build prerendered the first
 * view and the page's chooser script showed it (see @dext/ui/vite's `prerenderFirstView`), React
 * hydrates that markup instead of building it again, so the tab is visible before the UI's code
 * has loaded; otherwise it renders from scratch, as `createRoot` always does.
 */
export function mountExtension(app: ReactNode, options: ExtensionRootOptions & { container?: Element } = {}): void {
  const { container = document.getElementById("root"), ...providerOptions } = options;
  if (container === null) throw new Error("index.html has no #root element");
  const tree = <CacheProvider value={createEmotionCache()}>{extensionTree(app, providerOptions)}</CacheProvider>;
  if (prerenderedScheme() !== undefined && container.hasChildNodes()) hydrateRoot(container, tree);
  else createRoot(container).render(tree);
}
