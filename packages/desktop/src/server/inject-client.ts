import { hostRuntime, hostRuntimeGlobal, pageConfigGlobal } from "../protocol/index.ts";
import type { PageConfig } from "../protocol/index.ts";

function scriptJson(value: unknown): string {
  // Inside <script>, "</script>" or "<!--" in a string would end or confuse the element.
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/**
 * Puts the host's client into an extension page ahead of the page's own scripts, as Desktop
 * does: classic scripts at the top of <head> run before the page's module scripts.
 */
export function injectClient(html: string, config: PageConfig, pageScriptUrl: string): string {
  const tags = `<script>window.${pageConfigGlobal}=${scriptJson(config)};window.${hostRuntimeGlobal}=${scriptJson(hostRuntime)};</script><script src="${pageScriptUrl}"></script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head !== null) return html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlTag !== null)
    return (
      html.slice(0, htmlTag.index + htmlTag[0].length) +
      `<head>${tags}</head>` +
      html.slice(htmlTag.index + htmlTag[0].length)
    );
  return tags + html;
}
