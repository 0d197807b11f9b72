/**
 * What `host-doctor check --json` prints: one JSON object per line, written as each check finishes,
 * so the UI can show results while slower tools are still answering. Shared by the doctor (which
 * writes these) and the UI (which parses them with ./doctor-line-schema.ts). Plain types and
 * constants only: the doctor starts on every click, so it loads no schema library.
 */
export interface ToolLine {
  type: "tool";
  name: string;
  found: boolean;
  /** The version the tool reports, when it prints one. */
  version?: string | undefined;
  /** The tool's first line of output, or why it could not be run. */
  detail: string;
}

export interface ContextLine {
  type: "context";
  name: string;
  current: boolean;
  endpoint: string;
}

export interface SummaryLine {
  type: "summary";
  found: string[];
  missing: string[];
  /** Tools the caller required (`--require`) that are missing: the reason for a non-zero exit. */
  missingRequired: string[];
}

export type DoctorLine = ToolLine | ContextLine | SummaryLine;

/** The tools a check looks for. */
export const DOCTOR_TOOLS = ["docker", "kubectl", "git", "node"] as const;

/** Exit codes, documented in the README; the UI explains each. */
export const DOCTOR_EXIT = { ok: 0, missingRequired: 1, usage: 2 } as const;
