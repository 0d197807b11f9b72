import { useSyncExternalStore } from "react";

const query = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== "function") return () => undefined;
  const list = matchMedia(query);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

// Read afresh on each call rather than cached from subscribe: React compares snapshots, and a
// list made before a test (or Desktop) swapped matchMedia would keep answering the old scheme.
const isDark = (): boolean => typeof matchMedia === "function" && matchMedia(query).matches;

/**
 * Whether the page prefers a dark colour scheme, kept current while the page is open: Docker
 * Desktop switches an extension between light and dark through this media query. False where
 * there is no `matchMedia` (jsdom, server rendering).
 */
export function usePrefersDarkScheme(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}
