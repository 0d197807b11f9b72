/**
 * Puts `text` on the clipboard. The async Clipboard API needs a secure context and focus, which
 * a webview or a test page may not grant; the older `execCommand("copy")` on a hidden textarea
 * covers those. Resolves whether it worked, so the UI can say so.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard !== undefined) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Fall through to the legacy path.
    }
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  doc.body.append(area);
  try {
    area.select();
    // Deprecated, and the only copy path left when the Clipboard API is refused.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return typeof doc.execCommand === "function" && doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
