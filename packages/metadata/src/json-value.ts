import { error } from "./finding.ts";
import type { Finding } from "./finding.ts";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Names a JSON value's kind for messages: "found a number". */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return value.trim() === "" ? "an empty string" : "a string";
  return `a ${typeof value}`;
}

/**
 * Returns the value when it is a non-blank string; otherwise records an error
 * saying what `subject` held instead, with `fix`, and returns undefined.
 */
export function readString(
  value: unknown,
  path: string,
  findings: Finding[],
  subject: string,
  fix: string,
): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value;
  findings.push(error(path, `${subject} must be a non-empty string, found ${describeValue(value)}`, fix));
  return undefined;
}

/** Returns the value when it is an object; otherwise records an error and returns undefined. */
export function readObject(
  value: unknown,
  path: string,
  findings: Finding[],
  subject: string,
  fix: string,
): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  findings.push(error(path, `${subject} must be an object, found ${describeValue(value)}`, fix));
  return undefined;
}
