import { useSyncExternalStore } from "react";
import { prerenderedScheme } from "./first-view-scheme.ts";

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

// While hydrating, React reads this instead of `isDark`: it must be the scheme the first view was
// prerendered in (the chooser picked it from the same media query, so the two agree).
const isDarkWhenPrerendered = (): boolean => prerenderedScheme() === "dark";

/**
 * Whether the page prefers a dark colour scheme, kept current while the page is open: Docker
 * Desktop switches an extension between light and dark through this media query. False where
 * there is no `matchMedia` (jsdom), and the prerendered scheme while rendering at build time.
 */
export function usePrefersDarkScheme(): boolean {
  return useSyncExternalStore(subscribe, isDark, isDarkWhenPrerendered);
}
