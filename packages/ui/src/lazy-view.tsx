import { Button, Stack, Typography } from "@mui/material";
import { Component, lazy, Suspense } from "react";
import type { ComponentType, JSX, PropsWithoutRef, ReactNode } from "react";
import { loadOnce } from "@dext/backend/client/load-once";

/** A component whose code is fetched when it first renders, or earlier through `preload()`. */
export interface LazyView<P extends object> {
  (props: PropsWithoutRef<P>): JSX.Element;
  /** Starts fetching the code now, e.g. while the data the view will show is in flight. */
  preload(): Promise<unknown>;
}

/** A view's code could not be fetched (a network failure, or a chunk gone after an update). */
export class LazyViewLoadError extends Error {
  override readonly name = "LazyViewLoadError";
  readonly code = "lazy_view_load_failed" as const;
}

interface LoadBoundaryProps {
  /** Called on each render, so that a retry renders the fresh lazy component `retry` made. */
  readonly children: () => ReactNode;
  readonly retry: () => void;
}

/**
 * Shows a failed fetch where the view would have been, with a retry, instead of handing it to the
 * root boundary (which would replace the whole tab). Errors the view itself throws while rendering
 * are not its business: they go on up.
 */
class LoadBoundary extends Component<LoadBoundaryProps, { failed: LazyViewLoadError | undefined }> {
  override state = { failed: undefined as LazyViewLoadError | undefined };

  static getDerivedStateFromError(error: unknown): { failed: LazyViewLoadError | undefined } | null {
    return error instanceof LazyViewLoadError ? { failed: error } : null;
  }

  private readonly retry = (): void => {
    this.props.retry();
    this.setState({ failed: undefined });
  };

  override render(): ReactNode {
    if (this.state.failed === undefined) return this.props.children();
    // Built from what the first view already has: the failure may be the network itself.
    return (
      <Stack role="alert" direction="row" spacing={1} sx={{ alignItems: "center" }}>
        <Typography variant="body2">This part of the page could not be loaded.</Typography>
        <Button size="small" onClick={this.retry}>
          Try again
        </Button>
      </Stack>
    );
  }
}

/**
 * Keeps a view's code out of the tab's first load until the view is rendered. Docker Desktop
 * re-creates an extension's UI each time its tab opens, so what the first view does not show
 * (results, errors, dialogs, a table that waits for data) is better fetched when it is needed.
 * Renders `fallback` (default: nothing) while the code loads. A failed fetch is shown in place,
 * with a retry that fetches again (the tab around it keeps working).
 *
 *     const VolumeTable = lazyView(() => import("./volume-table.tsx").then((module) => module.VolumeTable));
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): LazyView<P> {
  const loadView = loadOnce(() =>
    load().catch((cause: unknown) => {
      throw new LazyViewLoadError(cause instanceof Error ? cause.message : String(cause), { cause });
    }),
  );
  // React.lazy keeps a rejection for good, in React and in Preact, so a retry needs a new one.
  // Typed as the component it resolves to: React's types for lazy() cannot relate a generic P to
  // the ref-aware props they expect, though the props pass through unchanged.
  const makeLoaded = () =>
    lazy(() => loadView().then((view) => ({ default: view }))) as unknown as ComponentType<PropsWithoutRef<P>>;
  let Loaded = makeLoaded();
  const retry = () => {
    Loaded = makeLoaded();
  };
  function View(props: PropsWithoutRef<P>): JSX.Element {
    return (
      <LoadBoundary retry={retry}>
        {() => (
          <Suspense fallback={fallback}>
            <Loaded {...props} />
          </Suspense>
        )}
      </LoadBoundary>
    );
  }
  return Object.assign(View, { preload: loadView });
}
