import type { LoadHostApi } from "./host-api-loader.ts";

/** Starts the load once the page has painted and gone idle, so the first call seldom waits for it. */
export function loadWhenIdle(load: LoadHostApi): void {
  const start = () => void load().catch(() => undefined);
  const whenIdle = () =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200);
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
