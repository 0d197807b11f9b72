import type { JSX, ReactNode } from "react";
import type { DesktopClient } from "./desktop-client.js";
import { OutsideDesktopNotice } from "./outside-desktop-notice.js";
import { useDesktopClient } from "./use-desktop-client.js";

export interface DesktopGateProps {
  /** Rendered only inside Desktop, with the injected client. */
  readonly children: (client: DesktopClient) => ReactNode;
  /** Shown outside Desktop; defaults to an `OutsideDesktopNotice` with the reason. */
  readonly fallback?: ReactNode;
}

/** Renders its children with the Desktop client inside Desktop, and a notice outside it. */
export function DesktopGate({ children, fallback }: DesktopGateProps): JSX.Element {
  const state = useDesktopClient();
  if (!state.insideDesktop) return <>{fallback ?? <OutsideDesktopNotice reason={state.reason} />}</>;
  return <>{children(state.client)}</>;
}
