import type { JSX } from "react";
import { lazyView } from "./lazy-view.tsx";

export interface ErrorBannerProps {
  /** Anything a call failed with; `undefined` or `null` renders nothing. */
  readonly error: unknown;
  /** Overrides the title, e.g. "Could not load the volumes". */
  readonly title?: string;
  /** Offered as "Try again" when the error is worth retrying. */
  readonly onRetry?: () => void;
  /** Offered as "Reload the extension" when that can help; defaults to reloading the page. */
  readonly onReload?: () => void;
}

// Most tabs never show an error: the Alert, the error descriptions and the details list load with
// the first one, not with the tab.
const ErrorBannerView = lazyView(() => import("./error-banner-view.tsx").then((module) => module.ErrorBannerView));

/**
 * The one way the kit shows a failure: what happened in plain words, the action that helps
 * (retry, reload the extension) and, behind a Details button, the kind, status, request id and
 * fields. Maps every `BackendClientError` kind, and any other error, through `describeError`.
 */
export function ErrorBanner(props: ErrorBannerProps): JSX.Element | null {
  if (props.error === undefined || props.error === null) return null;
  return <ErrorBannerView {...props} />;
}
