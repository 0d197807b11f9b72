import { DOCTOR_EXIT, DOCTOR_TOOLS } from "../shared/doctor-report.ts";
import type { DoctorLine, ToolLine } from "../shared/doctor-report.ts";
import { listDockerContexts } from "./docker-contexts.ts";
import { probeTool } from "./probe-tool.ts";
import type { ProbeOptions } from "./probe-tool.ts";

export interface CheckOptions extends ProbeOptions {
  json: boolean;
  require: readonly string[];
  write: (line: string) => void;
}

/**
 * Probes every tool at once and writes each result the moment it arrives (a slow kubectl does not
 * hold back docker's line), then the Docker contexts, then a summary. Returns the exit code.
 */
export async function runCheck(options: CheckOptions): Promise<number> {
  const emit = (line: DoctorLine) => {
    options.write(options.json ? JSON.stringify(line) : formatLine(line));
  };
  const results = await Promise.all(
    DOCTOR_TOOLS.map(async (name) => {
      const line = await probeTool(name, options);
      emit(line);
      return line;
    }),
  );
  const docker = results.find((line) => line.name === "docker");
  if (docker?.found === true) for (const context of await listDockerContexts(options.env)) emit(context);

  const found = results.filter((line) => line.found).map((line) => line.name);
  const missing = results.filter((line) => !line.found).map((line) => line.name);
  const missingRequired = options.require.filter((name) => missing.includes(name));
  emit({ type: "summary", found, missing, missingRequired });
  return missingRequired.length > 0 ? DOCTOR_EXIT.missingRequired : DOCTOR_EXIT.ok;
}

/** The plain-text form, for a person running the binary in a terminal. ASCII only: Windows consoles. */
export function formatLine(line: DoctorLine): string {
  switch (line.type) {
    case "tool":
      return formatTool(line);
    case "context":
      return `context ${line.name}${line.current ? " (current)" : ""}: ${line.endpoint}`;
    case "summary":
      return (
        `${String(line.found.length)} of ${String(line.found.length + line.missing.length)} tools found` +
        (line.missingRequired.length > 0 ? `; required but missing: ${line.missingRequired.join(", ")}` : "")
      );
  }
}

function formatTool(line: ToolLine): string {
  if (!line.found) return `[--] ${line.name}: ${line.detail}`;
  return `[ok] ${line.name}${line.version === undefined ? "" : ` ${line.version}`}: ${line.detail}`;
}
