import type { OutputLine } from "@dext/ui";
import { parseDoctorLine } from "../../shared/doctor-line-schema.js";
import type { ContextLine, SummaryLine, ToolLine } from "../../shared/doctor-report.js";

export interface DoctorResults {
  tools: ToolLine[];
  contexts: ContextLine[];
  summary: SummaryLine | undefined;
  /** stdout lines that are not doctor JSON: shown as they are, never dropped. */
  unparsed: string[];
}

/** Folds the streamed output lines into what the tables show; stderr stays in the raw output view. */
export function collectDoctorResults(lines: readonly OutputLine[]): DoctorResults {
  const results: DoctorResults = { tools: [], contexts: [], summary: undefined, unparsed: [] };
  for (const { stream, text } of lines) {
    if (stream !== "stdout" || text.trim() === "") continue;
    const parsed = parseDoctorLine(text);
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
