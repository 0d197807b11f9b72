import { useSyncExternalStore } from "react";
import type { ReactNode } from "react";

const subscribeToNothing = (): (() => void) => () => undefined;

/**
 * Leaves `children` out of the prerendered first view: they render right after React has hydrated
 * that view, and at once wherever the tab renders from scratch (outside Desktop, in jsdom tests).
 * For a part of the tab below its first controls that would otherwise make the first paint wait:
 * until hydration its controls would answer no click anyway.
 */
export function AfterFirstView({ children }: { children: ReactNode }): ReactNode {
  // The server snapshot is what the prerender and the hydration pass see; the client one, after.
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  return hydrated ? children : null;
}
