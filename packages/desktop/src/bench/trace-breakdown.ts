// Where a page's main thread spent its time before its first control showed, from a Chromium
// performance trace: self time per kind of work (script compile, script run, style, layout, paint,
// HTML parsing), so a change is aimed at what costs and its effect is seen by kind.

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string; url?: string } };
}

/** Self time in ms per kind, and the main thread's idle time (waiting for the network or a frame). */
export type Breakdown = Record<string, number>;

const kinds: Record<string, string> = {
  "v8.compile": "compile",
  "v8.compileModule": "compile",
  "V8.CompileCode": "compile",
  "v8.parseOnBackground": "compile",
  "V8.ParseFunction": "compile",
  "v8.produceModuleCache": "compile",
  EvaluateScript: "script",
  "v8.evaluateModule": "script",
  "v8.run": "script",
  FunctionCall: "script",
  TimerFire: "script",
  FireAnimationFrame: "script",
  RunMicrotasks: "script",
  "V8.GC_SCAVENGER": "gc",
  MinorGC: "gc",
  MajorGC: "gc",
  UpdateLayoutTree: "style",
  RecalculateStyles: "style",
  ParseAuthorStyleSheet: "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  Layerize: "paint",
  Commit: "paint",
  ParseHTML: "html",
};

/**
 * Self time per kind on the renderer's main thread between the navigation's start and `untilMs`
 * (the page's own clock, ms since navigation start). Nested events count once: a script that
 * forces a style recalculation gives that time to "style", not to "script".
 */
export function traceBreakdown(trace: { traceEvents: TraceEvent[] }, untilMs: number): Breakdown {
  const events = trace.traceEvents;
  const main = events.find((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain");
  const start = events.find(
    (event) => event.name === "navigationStart" && (main === undefined || event.pid === main.pid),
  );
  if (main === undefined || start === undefined) return {};
  const end = start.ts + untilMs * 1000;
  const slices = events
    .filter((event) => event.ph === "X" && event.pid === main.pid && event.tid === main.tid && event.dur !== undefined)
    .filter((event) => event.ts >= start.ts && event.ts < end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals: Breakdown = {};
  // A stack of open slices: each slice's time goes to the innermost known kind that covers it.
  const stack: { endTs: number; kind: string | undefined }[] = [];
  let cursor = start.ts;
  const credit = (until: number) => {
    const top = stack.findLast((entry) => entry.kind !== undefined);
    const kind = stack.length === 0 ? "idle" : (top?.kind ?? "other");
    const clipped = Math.min(until, end);
    if (clipped > cursor) totals[kind] = (totals[kind] ?? 0) + (clipped - cursor) / 1000;
    cursor = Math.max(cursor, clipped);
  };
  for (const slice of slices) {
    while (stack.length > 0 && (stack.at(-1)?.endTs ?? 0) <= slice.ts) {
      credit(stack.at(-1)?.endTs ?? slice.ts);
      stack.pop();
    }
    credit(slice.ts);
    stack.push({ endTs: slice.ts + (slice.dur ?? 0), kind: kinds[slice.name] });
  }
  while (stack.length > 0) {
    credit(stack.at(-1)?.endTs ?? end);
    stack.pop();
  }
  credit(end);
  return Object.fromEntries(Object.entries(totals).map(([kind, ms]) => [kind, Math.round(ms)]));
}
