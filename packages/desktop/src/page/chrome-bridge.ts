import type { ChromeToPage, PageToChrome } from "../protocol/index.ts";

type Distribute<T> = T extends unknown ? Omit<T, "extensionId"> : never;
type ChromeMessage = Distribute<PageToChrome>;

/**
 * The page's line to the dashboard around it. Toasts, navigation, dialogs and the call log are
 * the host's chrome, as they are Desktop's, so they travel to the parent window. A page opened on
 * its own (no parent) still works: messages go to the console and dialogs are cancelled.
 */
export interface ChromeBridge {
  send(message: ChromeMessage): void;
  request<T>(message: ChromeMessage & { kind: "dext:dialog" }, timeoutMs?: number): Promise<T>;
  onMessage(listener: (message: ChromeToPage) => void): void;
  readonly embedded: boolean;
}

export function createChromeBridge(extensionId: string, chromeOrigins: readonly string[]): ChromeBridge {
  const embedded = window.parent !== window;
  const listeners: ((message: ChromeToPage) => void)[] = [];
  const pending = new Map<string, (result: unknown) => void>();
  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    // Only the dashboard that embeds this page speaks for Desktop; any other window is ignored.
    if (event.source !== window.parent || !chromeOrigins.includes(event.origin)) return;
    if (!isChromeMessage(event.data)) return;
    const message = event.data;
    if (message.kind === "dext:dialog-result") pending.get(message.requestId)?.(message.result);
    for (const listener of listeners) listener(message);
  });
  const send = (message: ChromeMessage) => {
    const full: PageToChrome = { ...message, extensionId };
    // The parent is the dashboard on one of its origins; a message aimed at the others is dropped by the browser.
    if (embedded) for (const origin of chromeOrigins) window.parent.postMessage(full, origin);
    else if (message.kind === "dext:toast") console.info(`[dext toast ${message.level}] ${message.message}`);
  };
  return {
    embedded,
    send,
    onMessage: (listener) => listeners.push(listener),
    request: <T>(message: ChromeMessage & { kind: "dext:dialog" }, timeoutMs = 10 * 60_000) =>
      new Promise<T>((resolve) => {
        if (!embedded) {
          resolve({ canceled: true, filePaths: [] } as T);
          return;
        }
        const timer = setTimeout(() => resolve({ canceled: true, filePaths: [] } as T), timeoutMs);
        pending.set(message.requestId, (result) => {
          clearTimeout(timer);
          pending.delete(message.requestId);
          resolve(result as T);
        });
        send(message);
      }),
  };
}

function isChromeMessage(value: unknown): value is ChromeToPage {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}

/** Short text for the call log: enough to recognise a call, never a whole payload. */
export function summarize(value: unknown, max = 160): string {
  let text: string;
  try {
    // JSON.stringify gives undefined for undefined and functions, whatever its declared type says.
    text =
      typeof value === "string" || value === undefined || typeof value === "function"
        ? String(value)
        : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
