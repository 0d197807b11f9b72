import { useEffect, useMemo, useState } from "react";
import type { OutputLine } from "@dext/ui";
import type { ParsedDoctorLine } from "../../shared/doctor-line-schema.ts";
import type { ContextLine, SummaryLine, ToolLine } from "../../shared/doctor-report.ts";

export interface DoctorResults {
  tools: ToolLine[];
  contexts: ContextLine[];
  summary: SummaryLine | undefined;
  /** stdout lines that are not doctor JSON: shown as they are, never dropped. */
  unparsed: string[];
}

type ParseLine = (text: string) => ParsedDoctorLine;

/** Folds the streamed output lines into what the tables show; stderr stays in the raw output view. */
function collectDoctorResults(lines: readonly OutputLine[], parse: ParseLine): DoctorResults {
  const results: DoctorResults = { tools: [], contexts: [], summary: undefined, unparsed: [] };
  for (const { stream, text } of lines) {
    if (stream !== "stdout" || text.trim() === "") continue;
    const parsed = parse(text);
    if (!parsed.ok) {
      results.unparsed.push(parsed.text);
      continue;
    }
    const line = parsed.line;
    if (line.type === "tool") results.tools.push(line);
    else if (line.type === "context") results.contexts.push(line);
    else results.summary = line;
  }
  return results;
}

// The parser's schema (and zod) load with the first output line, not with the tab.
const loadParser = (): Promise<ParseLine> =>
  import("../../shared/doctor-line-schema.ts").then((module) => module.parseDoctorLine);
// If the parser cannot load, every line stays visible as it is rather than disappearing.
const keepAsText: ParseLine = (text) => ({ ok: false, text });
const noResults: DoctorResults = { tools: [], contexts: [], summary: undefined, unparsed: [] };

/**
 * collectDoctorResults over streamed lines, once the parser has loaded; `pending` while lines wait
 * for it (a fast check can exit before that, and its summary is not known yet).
 */
export function useDoctorResults(lines: readonly OutputLine[]): DoctorResults & { pending: boolean } {
  const [parse, setParse] = useState<ParseLine>();
  const needed = lines.length > 0 && parse === undefined;
  useEffect(() => {
    if (!needed) return;
    let current = true;
    loadParser().then(
      (loaded) => current && setParse(() => loaded),
      () => current && setParse(() => keepAsText),
    );
    return () => {
      current = false;
    };
  }, [needed]);
  return useMemo(
    () =>
      parse === undefined
        ? { ...noResults, pending: lines.length > 0 }
        : { ...collectDoctorResults(lines, parse), pending: false },
    [lines, parse],
  );
}
