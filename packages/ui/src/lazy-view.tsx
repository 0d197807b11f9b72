import { lazy, Suspense } from "react";
import type { ComponentType, JSX, ReactNode } from "react";
import { loadOnce } from "./load-once.js";

/** A component whose code is fetched when it first renders, or earlier through `preload()`. */
export interface LazyView<P extends object> {
  (props: P): JSX.Element;
  /** Starts fetching the code now, e.g. while the data the view will show is in flight. */
  preload(): Promise<unknown>;
}

/**
 * Keeps a view's code out of the tab's first load until the view is rendered. Docker Desktop
 * re-creates an extension's UI each time its tab opens, so what the first view does not show
 * (results, errors, dialogs, a table that waits for data) is better fetched when it is needed.
 * Renders `fallback` (default: nothing) while the code loads; a load that fails reaches the
 * nearest error boundary, as a render error does.
 *
 *     const VolumeTable = lazyView(() => import("./volume-table.js").then((module) => module.VolumeTable));
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): LazyView<P> {
  const loadView = loadOnce(load);
  // Typed as the component it resolves to: React's types for lazy() cannot relate a generic P to
  // the ref-aware props they expect, though the props pass through unchanged.
  const Loaded = lazy(() => loadView().then((view) => ({ default: view }))) as unknown as ComponentType<P>;
  function View(props: P): JSX.Element {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return Object.assign(View, { preload: loadView });
}
