// What a tab-open bench records inside a page, on the page's own clock (ms since navigation start),
// as an init script that runs before any of the page's own: the first frame that shows a control,
// first paint, when the first control entered the DOM, long tasks before it, and the scripts loaded.

/** Marks a page leaves in `window.__dextFirstView` once its first control has been shown. */
export interface FirstViewMarks {
  /** The first animation frame in which a button, input, select, textarea or link is visible. */
  control: number;
  /** Chromium's first paint (`paint` entry), whatever was painted. */
  firstPaint: number | null;
  /** When the first such control was inserted into the document. */
  domInserted: number | null;
  /** Time spent in long tasks (over 50 ms) that started before the control showed. */
  longTasks: number;
  /** Scripts fetched before the control showed: their URLs. */
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
    const tick = () => {
      inserted();
      if (![...document.querySelectorAll(selector)].some(visible)) return requestAnimationFrame(tick);
      const control = performance.now();
      // Paint entries are delivered after the frame; read them once the frame is out.
      setTimeout(() => {
        window.__dextFirstView = {
          control,
          firstPaint: state.firstPaint ?? performance.getEntriesByName("first-paint")[0]?.startTime ?? null,
          domInserted: state.domInserted,
          longTasks: state.longTasks.filter((task) => task.startTime < control).reduce((sum, task) => sum + task.duration, 0),
          scripts: performance.getEntriesByType("resource")
            .filter((entry) => entry.initiatorType === "script" || entry.initiatorType === "link" || /\\.m?js$/.test(new URL(entry.name).pathname))
            .filter((entry) => entry.responseEnd <= control)
            .map((entry) => entry.name),
        };
      }, 50);
    };
    requestAnimationFrame(tick);
  })()`;
}
