/** Deterministic generators of malformed inputs: a failure names its seed and reproduces. */
import { metadataFixtures } from "./fixture-cases.test-support.js";

export type Random = () => number;

/** mulberry32: tiny, seedable, good enough to pick cases. */
export function random(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Random, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function integer(rng: Random, max: number): number {
  return Math.floor(rng() * max);
}

const ODD = ["\u200b", "\u202e", "\ufeff", "\u0000", "\ud83d\ude00", "e\u0301", "\u0456", "\uffff", "\u2028", "\ud800", "\udfff", "\u00a0", "\u{10ffff}"];

/** A string of odd unicode: zero-width, bidi overrides, NUL, emoji, combining marks, lone surrogates. */
function oddText(rng: Random, length = 1 + integer(rng, 12)): string {
  let text = "";
  for (let i = 0; i < length; i++) text += rng() < 0.5 ? pick(rng, ODD) : String.fromCharCode(32 + integer(rng, 0xd7ff - 32));
  return text;
}

/** Text that is not JSON: truncations, comments, single quotes, trailing commas, binary noise. */
export function notJson(rng: Random, valid: string): string {
  switch (integer(rng, 8)) {
    case 0:
      return valid.slice(0, 1 + integer(rng, Math.max(1, valid.length - 2)));
    case 1:
      return `// metadata\n${valid}`;
    case 2:
      return valid.replaceAll('"', "'");
    case 3:
      return valid.replace(/}(\s*)$/, ",}$1");
    case 4:
      return `\ufeff${valid}`;
    case 5:
      return Array.from({ length: 1 + integer(rng, 400) }, () => String.fromCharCode(integer(rng, 256))).join("") + "\u0001";
    case 6:
      return valid.replace(/"([a-z-]+)":/, "$1:");
    default:
      return `${valid}${pick(rng, ["x", "}", "]", "NaN", ",", "{}"])}`;
  }
}

/** Every JSON path of a document, as key lists. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found = [prefix];
  if (Array.isArray(value)) value.forEach((item: unknown, index) => found.push(...paths(item, [...prefix, index])));
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...prefix, key]));
  }
  return found;
}

function kind(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}

const SAMPLES: readonly unknown[] = [0, -1.5, 1e308, true, false, null, "", " ", "x", [], [1, "a"], {}, { a: 1 }];

/** A copy of a valid document with one value replaced by a value of another JSON type. */
export function wrongType(rng: Random, document: unknown): unknown {
  const copy = structuredClone(document);
  const path = pick(rng, paths(copy));
  const current = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy);
  const replacement = pick(rng, SAMPLES.filter((sample) => kind(sample) !== kind(current)));
  if (path.length === 0) return replacement;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
  parent[path.at(-1) ?? ""] = structuredClone(replacement);
  return copy;
}

/** A valid document plus a root key of odd unicode (docker extension validate refuses unknown root keys), with odd values too. */
export function oddUnicode(rng: Random, document: Record<string, unknown>): string {
  const key = pick(rng, ["u\u200bi", "\u0443i", "vm\u0000", "ICON", "ho\u0301st", ""]) + oddText(rng, integer(rng, 3));
  const value = rng() < 0.5 ? oddText(rng) : { [oddText(rng)]: [oddText(rng), { socket: oddText(rng) }] };
  const text = JSON.stringify({ ...document, [key]: value });
  // Lone surrogates written as escapes, which JSON allows and strings then carry.
  return text.replace(/"(icon)":"/, `"$1":"\\ud800`);
}

/** Nesting from a hundred to a hundred thousand levels, where Desktop expects something else. */
export function deepNesting(rng: Random): string {
  const depth = pick(rng, [100, 1_000, 10_000, 100_000]);
  const [open, close] = rng() < 0.5 ? ["[", "]"] : ['{"a":', "}"];
  const nest = open.repeat(depth) + "1" + close.repeat(depth);
  const unbalanced = rng() < 0.3;
  const body = unbalanced ? nest.slice(0, nest.length - integer(rng, depth)) : nest;
  return pick(rng, [body, `{"ui": ${body}}`, `{"vm": {"image": ${body}}}`, `{"extra": ${body}}`, `{"host": {"binaries": [${body}]}}`]);
}

/** Big inputs: megabyte strings, tens of thousands of keys or binaries. */
export function huge(rng: Random): string {
  switch (integer(rng, 4)) {
    case 0:
      return JSON.stringify({ ui: { "dashboard-tab": { title: "t".repeat(2_000_000), root: "/ui", src: "../index.html" } } });
    case 1:
      return JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`key${index}`, index])));
    case 2:
      return JSON.stringify({ host: { binaries: Array.from({ length: 20_000 }, (_, index) => ({ windows: [{ path: `/bin/${index}` }] })) } });
    default:
      return JSON.stringify({ vm: { image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket: "s".repeat(100_000) } } });
  }
}

const INSTRUCTIONS = ["FROM", "ARG", "ENV", "LABEL", "COPY", "ADD", "RUN", "CMD", "WORKDIR", "ENTRYPOINT", "ONBUILD", "NOPE", "#", "COPY --from="];
const WORDS = ["${", "$", "}", "${A:-${B:-", "\\", '"', "'", "=", "--platform=$BUILDPLATFORM", "<<EOF", "EOF", "[", "]", "/", "..", "*", "?[", "a=b", "ui /ui"];

/** Dockerfile-shaped noise: instructions with broken quoting, variables, heredocs and huge lines. */
export function malformedDockerfile(rng: Random): string {
  if (rng() < 0.1) return oddText(rng, 1 + integer(rng, 2000));
  if (rng() < 0.05) return `FROM alpine\nLABEL a="${"${x:-".repeat(5_000)}"\n`;
  const lines: string[] = [];
  const count = 1 + integer(rng, 40);
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: integer(rng, 8) }, () => (rng() < 0.2 ? oddText(rng, 3) : pick(rng, WORDS)));
    lines.push(`${pick(rng, INSTRUCTIONS)} ${words.join(rng() < 0.5 ? " " : "")}${rng() < 0.1 ? " \\" : ""}`);
  }
  return lines.join(rng() < 0.9 ? "\n" : "\r\n");
}

/** Compose-shaped noise: wrong types, broken YAML, deep flows and alias bombs. */
export function malformedCompose(rng: Random): string {
  switch (integer(rng, 7)) {
    case 0:
      return `services:\n  ${oddText(rng, 4)}: ${pick(rng, ["5", "[]", "~", "'x'", "{image: 3}"])}\n`;
    case 1:
      return `services:\n${"  - [".repeat(1 + integer(rng, 50))}\n`;
    case 2:
      return `services: ${"[".repeat(1_000 + integer(rng, 20_000))}`;
    case 3:
      return `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nservices:\n  x: {volumes: *d}\n`;
    case 4:
      return oddText(rng, 1 + integer(rng, 500));
    case 5:
      return `services:\n  api:\n    volumes: ${pick(rng, ["7", "[1, {type: bind}]", "[./x]", "[{source: 3, type: bind}]"])}\n    privileged: ${pick(rng, ["yes", "1", "[true]"])}\n`;
    default:
      return `services:\n  api:\n    image: ${pick(rng, ["", "[]", "{}", "7", "${DESKTOP_PLUGIN_IMAGE"])}\n\t  bad-indent: x\n`;
  }
}

/** The valid metadata fixtures without any warning: changing the type of any of their values is an error. */
export function validMetadataDocuments(): Record<string, unknown>[] {
  return metadataFixtures("valid")
    .filter(([name]) => !name.startsWith("warn-"))
    .map(([, document]) => document as Record<string, unknown>);
}

type Generator = (rng: Random) => string;

function generators(): (readonly [string, number, Generator])[] {
  const valid = validMetadataDocuments();
  return [
    ["not JSON", 300, (rng) => notJson(rng, JSON.stringify(pick(rng, valid), null, 2))],
    ["a wrong type", 300, (rng) => JSON.stringify(wrongType(rng, pick(rng, valid)))],
    ["odd unicode", 250, (rng) => oddUnicode(rng, pick(rng, valid))],
    ["deep nesting", 150, deepNesting],
    ["a huge file", 20, huge],
  ];
}

/** The kinds of malformed metadata.json, how many of each, and how each is made. */
export const METADATA_GENERATORS: readonly (readonly [string, number, Generator])[] = generators();

/** `[kind, seed, text]` for every generated metadata.json: 1,020 in all. */
export function metadataInputs(): [string, number, string][] {
  return METADATA_GENERATORS.flatMap(([kind, count, generate], group) =>
    Array.from({ length: count }, (_, index): [string, number, string] => {
      const seed = group * 10_000 + index;
      return [kind, seed, generate(random(seed))];
    }),
  );
}
