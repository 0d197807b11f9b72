import type { DockerfileLabel } from "./dockerfile-labels.ts";
import { ALL_LABELS, LABELS, placeholder, REQUIRED_LABELS } from "./extension-labels.ts";
import { isRecord } from "./json-value.ts";

/** The API range dext proposes: Docker Desktop 4.x serves extension API 0.3.x. */
export const DEFAULT_API_RANGE = ">= 0.3.4";

/** One line of a LABEL block; `raw` is the value as it goes into the Dockerfile, quotes included. */
export interface LabelLine {
  name: string;
  raw: string;
}

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  [LABELS.title]: "the name shown in the Marketplace, without the word extension",
  [LABELS.description]: "one sentence about what it does",
  [LABELS.vendor]: "your name or company",
  [LABELS.icon]: "https URL of the icon, .svg or .png",
  [LABELS.detailedDescription]: "what it does, in text or HTML",
  [LABELS.publisherUrl]: "https URL of your web site",
  [LABELS.changelog]: "what changed in this version, text or HTML",
  [LABELS.categories]: "comma list such as utility-tools",
};

/** Double-quotes a literal value for a Dockerfile, escaping what the quotes would interpret. */
export function quoteLabelValue(value: string): string {
  return `"${value.replace(/[\\"$]/g, "\\$&").replace(/\n/g, "\\n")}"`;
}

export interface LabelSuggestionInput {
  /** Labels the Dockerfile already sets (kept as written). */
  existing?: readonly DockerfileLabel[];
  /** metadata.json, modern or legacy: its tab title or legacy name and provider fill in. */
  metadata?: unknown;
  /** Literal values, e.g. from a migration; only the Dockerfile's own labels win over them. */
  values?: Readonly<Record<string, string>>;
}

/**
 * The extension labels to paste into the final stage: what exists, what metadata.json implies,
 * and `<fill in: …>` placeholders (which dext validate refuses) for the rest.
 */
export function suggestLabels(input: LabelSuggestionInput): LabelLine[] {
  const existing = new Map((input.existing ?? []).map((label) => [label.name, label.raw]));
  const implied = impliedValues(input.metadata);
  const lines: LabelLine[] = [];
  for (const name of ALL_LABELS) {
    const literal = input.values?.[name] ?? implied[name];
    // The Dockerfile's own value is what ships today, so it wins.
    const raw = existing.get(name) ?? (literal === undefined ? undefined : quoteLabelValue(literal));
    if (raw !== undefined) lines.push({ name, raw });
    else if (REQUIRED_LABELS.includes(name) || name === LABELS.categories)
      lines.push({ name, raw: quoteLabelValue(placeholderFor(name)) });
  }
  return lines;
}

function placeholderFor(name: string): string {
  if (name === LABELS.apiVersion) return DEFAULT_API_RANGE;
  if (name === LABELS.screenshots) {
    return JSON.stringify([
      { alt: placeholder("what the screenshot shows"), url: placeholder("https URL of a 2400x1600 screenshot") },
    ]);
  }
  return placeholder(PLACEHOLDERS[name] ?? "a value");
}

function impliedValues(metadata: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!isRecord(metadata)) return values;
  const ui = metadata.ui;
  const tab = isRecord(ui) ? ui["dashboard-tab"] : undefined;
  const tabTitle = isRecord(tab) && typeof tab.title === "string" ? tab.title : undefined;
  const name = typeof metadata.name === "string" ? metadata.name : tabTitle;
  if (name !== undefined && name.trim() !== "") values[LABELS.title] = name;
  if (typeof metadata.provider === "string" && metadata.provider.trim() !== "")
    values[LABELS.vendor] = metadata.provider;
  return values;
}

/** `LABEL a="…" \` lines, aligned, ready to paste into the final stage. */
export function formatLabelBlock(lines: readonly LabelLine[]): string {
  if (lines.length === 0) return "";
  const body = lines.map(
    (line, index) =>
      `${index === 0 ? "LABEL " : "      "}${line.name}=${line.raw}${index === lines.length - 1 ? "" : " \\"}`,
  );
  return `${body.join("\n")}\n`;
}
