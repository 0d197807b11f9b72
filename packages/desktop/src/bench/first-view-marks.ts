// What a tab-open bench records inside a page, on the page's own clock (ms since navigation start),
// as an init script that runs before any of the page's own: the first frame that shows a control,
// first paint, when the first control entered the DOM, long tasks before it, and the scripts loaded.

/** Marks a page leaves in `window.__dextFirstView` once its first control has been shown. */
export interface FirstViewMarks {
  /** The page's `performance.timeOrigin` (epoch ms), to set its marks against another page's clock. */
  origin: number;
  /**
   * The first frame in which a button, input, select, textarea or link is visible: the animation
   * frame that found it visible, or the first paint when that came later (no frame shows anything
   * before the first paint).
   */
  control: number;
  /**
   * The first frame in which that control is React's (its DOM node carries React's props), so a
   * click reaches a handler: the same frame as `control` for a page React builds, later for a
   * page whose prerendered markup React hydrates. Null for a page without React.
   */
  interactive: number | null;
  /** Chromium's first paint (`paint` entry), whatever was painted. */
  firstPaint: number | null;
  /** When the first such control was inserted into the document. */
  domInserted: number | null;
  /** Time spent in long tasks (over 50 ms) that started before the control showed. */
  longTasks: number;
  /** Scripts fetched before the control was interactive (or shown, without React): their URLs. */
  scripts: string[];
}

const controlSelector = "button, input, select, textarea, a[href]";

/** The init script (a string, for `addInitScript`): runs in every frame, records only in the tab's own document. */
export function firstViewMarksScript(): string {
  return `(() => {
    if (window.top !== window && !location.pathname.startsWith("/x/")) return;
    const selector = ${JSON.stringify(controlSelector)};
    const state = { firstPaint: null, domInserted: null, longTasks: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "first-paint" && state.firstPaint === null) state.firstPaint = entry.startTime;
    }).observe({ type: "paint", buffered: true });
    try {
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.longTasks.push(entry); })
        .observe({ type: "longtask", buffered: true });
    } catch {}
    const inserted = () => { if (state.domInserted === null && document.querySelector(selector)) state.domInserted = performance.now(); };
    new MutationObserver(inserted).observe(document, { childList: true, subtree: true });
    const visible = (element) => element.getBoundingClientRect().height > 0;
    const isReacts = (element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"));
    let shown;
    let interactive = null;
    const deadline = performance.now() + 5000;
    const tick = () => {
      inserted();
      const first = [...document.querySelectorAll(selector)].find(visible);
      if (first === undefined) return requestAnimationFrame(tick);
      shown ??= performance.now();
      // A page without React never becomes React's: stop looking after a while.
      if (isReacts(first)) interactive = performance.now();
      else if (performance.now() < deadline) return requestAnimationFrame(tick);
      // Paint entries are delivered after the frame, later still when a script holds the main
      // thread: wait for the first paint, so no control counts as shown before anything was painted.
      const finish = () => {
        const firstPaint = state.firstPaint ?? performance.getEntriesByName("first-paint")[0]?.startTime ?? null;
        if (firstPaint === null && performance.now() < deadline) return setTimeout(finish, 20);
        const control = Math.max(shown, firstPaint ?? 0);
        window.__dextFirstView = {
          origin: performance.timeOrigin,
          control,
          interactive: interactive === null ? null : Math.max(interactive, control),
          firstPaint,
          domInserted: state.domInserted,
          longTasks: state.longTasks.filter((task) => task.startTime < control).reduce((sum, task) => sum + task.duration, 0),
          scripts: performance.getEntriesByType("resource")
            .filter((entry) => entry.initiatorType === "script" || entry.initiatorType === "link" || /\\.m?js$/.test(new URL(entry.name).pathname))
            .filter((entry) => entry.responseEnd <= Math.max(control, interactive ?? 0))
            .map((entry) => entry.name),
        };
      };
      setTimeout(finish, 20);
    };
    requestAnimationFrame(tick);
  })()`;
}
