import type { JSX, ReactNode } from "react";
import type { DesktopClient } from "./desktop-client.ts";
import { lazyView } from "./lazy-view.tsx";
import { useDesktopClient } from "./use-desktop-client.ts";

export interface DesktopGateProps {
  /** Rendered only inside Desktop, with the injected client. */
  readonly children: (client: DesktopClient) => ReactNode;
  /** Shown outside Desktop; defaults to an `OutsideDesktopNotice` with the reason. */
  readonly fallback?: ReactNode;
}

// Inside Desktop the notice never shows, so its Alert is not part of the tab's first load.
const OutsideDesktopNotice = lazyView(() =>
  import("./outside-desktop-notice.tsx").then((module) => module.OutsideDesktopNotice),
);

/** Renders its children with the Desktop client inside Desktop, and a notice outside it. */
export function DesktopGate({ children, fallback }: DesktopGateProps): JSX.Element {
  const state = useDesktopClient();
  if (!state.insideDesktop) return <>{fallback ?? <OutsideDesktopNotice reason={state.reason} />}</>;
  return <>{children(state.client)}</>;
}
