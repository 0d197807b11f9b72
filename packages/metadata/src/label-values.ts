import { findJsonSyntaxError } from "./json-syntax-error.ts";
import { describeValue, isRecord } from "./json-value.ts";

/** The value as an http(s) URL with a host, or undefined. */
export function httpUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url : undefined;
}

/** A JSON array of objects whose `textKey` is non-blank text and whose `url` is an http(s) URL. */
export interface LinkListRule {
  textKey: "alt" | "title";
  /** Whether `[]` is a problem (screenshots are required, additional URLs are not). */
  nonEmpty: boolean;
}

/** Returns what is wrong with a JSON list label such as screenshots, or undefined when it is fine. */
export function linkListProblem(value: string, rule: LinkListRule): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value) as unknown;
  } catch {
    const found = findJsonSyntaxError(value);
    if (found === undefined) return "is not valid JSON";
    const { line, column } = found.position;
    return `is not valid JSON at ${value.includes("\n") ? `line ${line}, column ${column}` : `character ${column}`}: ${found.reason}`;
  }
  if (!Array.isArray(parsed)) return `must be a JSON array, found ${describeValue(parsed)}`;
  if (rule.nonEmpty && parsed.length === 0) return "is an empty array";
  for (const [index, item] of parsed.entries()) {
    if (!isRecord(item)) return `item ${index} must be an object, found ${describeValue(item)}`;
    const text = item[rule.textKey];
    if (typeof text !== "string" || text.trim() === "") {
      return `item ${index} needs a non-empty "${rule.textKey}" text, found ${describeValue(text)}`;
    }
    const url = item.url;
    if (typeof url !== "string" || httpUrl(url) === undefined) {
      return `item ${index} needs an http(s) "url", found ${typeof url === "string" ? JSON.stringify(url) : describeValue(url)}`;
    }
  }
  return undefined;
}

/** Levenshtein distance, capped: labels are short, and only near misses matter. */
export function editDistance(a: string, b: string, cap = 4): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? cap + 1;
}
