/**
 * Docker's theme providers choose light or dark from `prefers-color-scheme`. The host's
 * light/dark switch must change that answer inside the page, so `matchMedia` answers colour-scheme
 * queries from the host's choice and tells existing listeners when it changes. Other media
 * queries go to the browser untouched.
 */
export function installColorScheme(initial: "light" | "dark" | "system"): (scheme: "light" | "dark") => void {
  const native = window.matchMedia.bind(window);
  let forced: "light" | "dark" | undefined = initial === "system" ? undefined : initial;
  const tracked = new Set<{
    query: string;
    list: MediaQueryList;
    listeners: Set<(event: MediaQueryListEvent) => void>;
  }>();
  const schemeQuery = /prefers-color-scheme:\s*(dark|light)/i;

  const answer = (query: string): boolean => {
    const wanted = schemeQuery.exec(query)?.[1]?.toLowerCase();
    return forced === undefined ? native(query).matches : forced === wanted;
  };

  window.matchMedia = (query: string): MediaQueryList => {
    if (!schemeQuery.test(query)) return native(query);
    const listeners = new Set<(event: MediaQueryListEvent) => void>();
    const list = {
      media: query,
      get matches() {
        return answer(query);
      },
      onchange: null as ((this: MediaQueryList, event: MediaQueryListEvent) => unknown) | null,
      addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) =>
        listeners.delete(listener),
      addListener: (listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
      removeListener: (listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
      dispatchEvent: () => true,
    } as unknown as MediaQueryList;
    tracked.add({ query, list, listeners });
    return list;
  };

  return (scheme) => {
    forced = scheme;
    for (const { query, list, listeners } of tracked) {
      const event = { matches: answer(query), media: query } as MediaQueryListEvent;
      for (const listener of listeners) listener(event);
      list.onchange?.call(list, event);
    }
    document.documentElement.style.colorScheme = scheme;
  };
}
