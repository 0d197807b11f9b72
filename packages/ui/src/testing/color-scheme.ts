import { vi } from "vitest";

type MediaQueryStub = Pick<
  MediaQueryList,
  "media" | "matches" | "onchange" | "addEventListener" | "removeEventListener" | "dispatchEvent"
>;

class ColorSchemeQuery extends EventTarget implements MediaQueryStub {
  readonly onchange = null;

  readonly media: string;
  private readonly scheme: () => "light" | "dark";

  constructor(media: string, scheme: () => "light" | "dark") {
    super();
    this.media = media;
    this.scheme = scheme;
  }

  get matches(): boolean {
    return this.media.includes(`prefers-color-scheme: ${this.scheme()}`);
  }
}

export type ColorScheme = "light" | "dark";

/** Both schemes, for `describe.each(colorSchemes)`: every piece is tested in light and dark. */
export const colorSchemes: readonly ColorScheme[] = ["light", "dark"];

/**
 * jsdom has no matchMedia; MUI's useMediaQuery, like a browser, asks it for the colour scheme
 * and listens for "change", which is how Desktop's light/dark switch reaches an extension.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function preferColorScheme(initial: ColorScheme): { switchTo: (scheme: ColorScheme) => void } {
  let scheme = initial;
  const lists: MediaQueryStub[] = [];
  vi.stubGlobal("matchMedia", (media: string): MediaQueryStub => {
    const list = new ColorSchemeQuery(media, () => scheme);
    lists.push(list);
    return list;
  });
  return {
    switchTo: (next) => {
      scheme = next;
      for (const list of lists) list.dispatchEvent(new Event("change"));
    },
  };
}
