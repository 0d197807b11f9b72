/**
 * The global that says which prerendered first view the page shows, "light" or "dark": set by the
 * chooser script the build puts into index.html (see @dext/ui/vite's `prerenderFirstView`) before
 * the UI's code loads, and by `renderFirstView` while it renders at build time. Hydration must
 * render what was prerendered, so the colour scheme React sees while hydrating comes from here.
 */
export const firstViewSchemeGlobal = "__dextFirstViewScheme";

export type ColorScheme = "light" | "dark";

/** The scheme of the prerendered first view on this page, when there is one. */
export function prerenderedScheme(): ColorScheme | undefined {
  const value = (globalThis as Record<string, unknown>)[firstViewSchemeGlobal];
  return value === "light" || value === "dark" ? value : undefined;
}
