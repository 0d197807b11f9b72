import { useState } from "react";
import { detectDesktopClient } from "./desktop-client.ts";
import type { DesktopClientState } from "./desktop-client.ts";

/**
 * The Desktop client for a component, or the plain reason there is none. Desktop injects the
 * client before the page loads and never swaps it, so it is read once per component and the
 * result stays the same object across renders (safe in effect dependencies).
 */
export function useDesktopClient(): DesktopClientState {
  const [state] = useState(() => detectDesktopClient());
  return state;
}
