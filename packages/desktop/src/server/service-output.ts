import type { Logger } from "@dext/backend";

const levels = new Set(["debug", "info", "warn", "error"] as const);
type Level = "debug" | "info" | "warn" | "error";

/**
 * One line a VM service printed, as one event of the host's log. A line that is a JSON object (a
 * dext backend's own log line, or any JSON logger's) keeps its fields as an object under `service`,
 * with its message and level, instead of arriving as an escaped string; any other line is the message.
 */
export function relayServiceLine(logger: Logger, line: string): void {
  if (line.trim() === "") return;
  const parsed = jsonObject(line);
  if (parsed === undefined) {
    logger.info(line);
    return;
  }
  const level: Level = levels.has(parsed.level as Level) ? (parsed.level as Level) : "info";
  logger[level](typeof parsed.msg === "string" ? parsed.msg : "output", { service: parsed });
}

function jsonObject(line: string): Record<string, unknown> | undefined {
  if (!line.trimStart().startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
