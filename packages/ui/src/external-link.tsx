import { Link } from "@mui/material";
import type { JSX, MouseEvent, ReactNode } from "react";
import { useDesktopClient } from "./use-desktop-client.ts";
import { visuallyHidden } from "./visually-hidden.ts";

export interface ExternalLinkProps {
  /** An http or https URL: the only schemes Desktop's `host.openExternal` opens. */
  readonly href: string;
  readonly children: ReactNode;
}

function isWebUrl(href: string): boolean {
  try {
    const { protocol } = new URL(href);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * A link that opens in the user's browser. Inside Desktop a plain link would navigate the
 * extension's own webview away from the extension, so the click goes through
 * `ddClient.host.openExternal`; outside Desktop it opens a new tab. It stays a real `<a href>`,
 * so keyboard, screen readers and "copy link" work as for any link. A URL that is not http(s)
 * is shown as text, since Desktop would refuse to open it.
 */
export function ExternalLink({ href, children }: ExternalLinkProps): JSX.Element {
  const desktop = useDesktopClient();
  if (!isWebUrl(href)) return <>{children}</>;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!desktop.insideDesktop) return;
    event.preventDefault();
    desktop.client.host.openExternal(href);
  };
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" onClick={onClick}>
      {children}
      <span style={visuallyHidden}> (opens in your browser)</span>
    </Link>
  );
}
