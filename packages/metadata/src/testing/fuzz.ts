/** fast-check arbitraries of malformed inputs: metadata.json, Dockerfiles and compose files. */
import { abbreviate } from "@dext/vitest-config/property-runs";
import fc from "fast-check";
import { metadataFixtures } from "./fixture-cases.ts";

/** The valid metadata fixtures without any warning: changing the type of any of their values is an error. */
export function validMetadataDocuments(): Record<string, unknown>[] {
  return metadataFixtures("valid")
    .filter(([name]) => !name.startsWith("warn-"))
    .map(([, document]) => document as Record<string, unknown>);
}

const VALID = validMetadataDocuments();
const validDocument = fc.constantFrom(...VALID);

const ODD = [
  "\u200b",
  "\u202e",
  "\ufeff",
  "\u0000",
  "\ud83d\ude00",
  "e\u0301",
  "\u0456",
  "\uffff",
  "\u2028",
  "\ud800",
  "\udfff",
  "\u00a0",
  "\u{10ffff}",
];
const oddCharacter = fc.oneof(
  fc.constantFrom(...ODD),
  fc.integer({ min: 32, max: 0xd7fe }).map((code) => String.fromCharCode(code)),
);

/** Odd unicode: zero-width, bidi overrides, NUL, emoji, combining marks, lone surrogates, any BMP character. */
function oddText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: oddCharacter, minLength, maxLength, size: "max" });
}

const byteCharacter = fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code));

/** Text that is not JSON: truncations, comments, single quotes, trailing commas, a BOM, binary noise. */
export const notJson: fc.Arbitrary<string> = fc
  .tuple(validDocument, fc.boolean())
  .map(([document, pretty]) => JSON.stringify(document, null, pretty ? 2 : undefined))
  .chain((valid) =>
    fc.oneof(
      fc.nat().map((cut) => valid.slice(0, 1 + (cut % Math.max(1, valid.length - 2)))),
      fc.constant(`// metadata\n${valid}`),
      fc.constant(valid.replaceAll('"', "'")),
      fc.constant(valid.replace(/}(\s*)$/, ",}$1")),
      fc.constant(`\ufeff${valid}`),
      fc.string({ unit: byteCharacter, minLength: 1, maxLength: 400, size: "max" }).map((noise) => `${noise}\u0001`),
      fc.constant(valid.replace(/"([a-z-]+)":/, "$1:")),
      fc.constantFrom("x", "}", "]", "NaN", ",", "{}").map((tail) => `${valid}${tail}`),
    ),
  );

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

const at = (document: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], document);

const SAMPLES: readonly unknown[] = [0, -1.5, 1e308, true, false, null, "", " ", "x", [], [1, "a"], {}, { a: 1 }];

/** A valid document with one value, or the whole of it, replaced by a value of another JSON type. */
export const wrongType: fc.Arbitrary<unknown> = validDocument.chain((document) =>
  fc.constantFrom(...paths(document)).chain((path) =>
    fc.constantFrom(...SAMPLES.filter((sample) => kind(sample) !== kind(at(document, path)))).map((replacement) => {
      if (path.length === 0) return structuredClone(replacement);
      const copy = structuredClone(document);
      const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
      parent[path.at(-1) ?? ""] = structuredClone(replacement);
      return copy;
    }),
  ),
);

/** A valid document plus a root key of odd unicode (docker extension validate refuses unknown root keys), with odd values too. */
export const oddUnicode: fc.Arbitrary<string> = fc
  .record({
    document: validDocument,
    key: fc
      .tuple(fc.constantFrom("u\u200bi", "\u0443i", "vm\u0000", "ICON", "ho\u0301st", ""), oddText(0, 2))
      .map(([head, tail]) => head + tail),
    value: fc.oneof(
      oddText(1, 12),
      fc
        .tuple(oddText(1, 12), oddText(1, 12), oddText(1, 12))
        .map(([key, item, socket]) => ({ [key]: [item, { socket }] })),
    ),
  })
  // Lone surrogates written as escapes, which JSON allows and strings then carry.
  .map(({ document, key, value }) =>
    JSON.stringify({ ...document, [key]: value }).replace(/"(icon)":"/, `"$1":"\\ud800`),
  );

const NESTING_PLACES = [
  (body: string) => body,
  (body: string) => `{"ui": ${body}}`,
  (body: string) => `{"vm": {"image": ${body}}}`,
  (body: string) => `{"extra": ${body}}`,
  (body: string) => `{"host": {"binaries": [${body}]}}`,
];

/** Nesting from a hundred to a hundred thousand levels, balanced or cut short, where Desktop expects something else. */
export const deepNesting: fc.Arbitrary<string> = fc.constantFrom(100, 1_000, 10_000, 100_000).chain((depth) =>
  fc
    .record({
      arrays: fc.boolean(),
      // Three in ten cut short, by up to `depth` closing brackets.
      cut: fc.oneof(
        { weight: 7, arbitrary: fc.constant(0) },
        { weight: 3, arbitrary: fc.integer({ min: 0, max: depth - 1 }) },
      ),
      place: fc.constantFrom(...NESTING_PLACES),
    })
    .map(({ arrays, cut, place }) => {
      const [open, close] = arrays ? ["[", "]"] : ['{"a":', "}"];
      const nest = open.repeat(depth) + "1" + close.repeat(depth);
      return place(nest.slice(0, nest.length - cut));
    }),
);

/** Big inputs: megabyte strings, tens of thousands of keys or binaries. */
export const hugeMetadata: fc.Arbitrary<string> = fc
  .constantFrom(
    () =>
      JSON.stringify({ ui: { "dashboard-tab": { title: "t".repeat(2_000_000), root: "/ui", src: "../index.html" } } }),
    () => JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`key${index}`, index]))),
    () =>
      JSON.stringify({
        host: { binaries: Array.from({ length: 20_000 }, (_, index) => ({ windows: [{ path: `/bin/${index}` }] })) },
      }),
    () => JSON.stringify({ vm: { image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket: "s".repeat(100_000) } } }),
  )
  .map((make) => make());

const INSTRUCTIONS = [
  "FROM",
  "ARG",
  "ENV",
  "LABEL",
  "COPY",
  "ADD",
  "RUN",
  "CMD",
  "WORKDIR",
  "ENTRYPOINT",
  "ONBUILD",
  "NOPE",
  "#",
  "COPY --from=",
];
const WORDS = [
  "${",
  "$",
  "}",
  "${A:-${B:-",
  "\\",
  '"',
  "'",
  "=",
  "--platform=$BUILDPLATFORM",
  "<<EOF",
  "EOF",
  "[",
  "]",
  "/",
  "..",
  "*",
  "?[",
  "a=b",
  "ui /ui",
];

const dockerfileLine = fc
  .record({
    instruction: fc.constantFrom(...INSTRUCTIONS),
    words: fc.array(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: oddText(3, 3) }),
      { maxLength: 7, size: "max" },
    ),
    glued: fc.boolean(),
    continued: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(
    ({ instruction, words, glued, continued }) =>
      `${instruction} ${words.join(glued ? "" : " ")}${continued ? " \\" : ""}`,
  );

/** Dockerfile-shaped noise: instructions with broken quoting, variables, heredocs and huge lines. */
export const malformedDockerfile: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 17,
    arbitrary: fc
      .tuple(
        fc.array(dockerfileLine, { minLength: 1, maxLength: 40, size: "max" }),
        fc.oneof({ weight: 9, arbitrary: fc.constant("\n") }, { weight: 1, arbitrary: fc.constant("\r\n") }),
      )
      .map(([lines, newline]) => lines.join(newline)),
  },
  { weight: 2, arbitrary: oddText(1, 2000) },
  { weight: 1, arbitrary: fc.constant(`FROM alpine\nLABEL a="${"${x:-".repeat(5_000)}"\n`) },
);

/** Compose-shaped noise: wrong types, broken YAML, deep flows and alias bombs. */
export const malformedCompose: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(oddText(4, 4), fc.constantFrom("5", "[]", "~", "'x'", "{image: 3}"))
    .map(([name, value]) => `services:\n  ${name}: ${value}\n`),
  fc.integer({ min: 1, max: 50 }).map((depth) => `services:\n${"  - [".repeat(depth)}\n`),
  fc.integer({ min: 1_000, max: 20_999 }).map((depth) => `services: ${"[".repeat(depth)}`),
  fc.constant(
    `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nservices:\n  x: {volumes: *d}\n`,
  ),
  oddText(1, 500),
  fc
    .tuple(
      fc.constantFrom("7", "[1, {type: bind}]", "[./x]", "[{source: 3, type: bind}]"),
      fc.constantFrom("yes", "1", "[true]"),
    )
    .map(([volumes, privileged]) => `services:\n  api:\n    volumes: ${volumes}\n    privileged: ${privileged}\n`),
  fc
    .constantFrom("", "[]", "{}", "7", "${DESKTOP_PLUGIN_IMAGE")
    .map((image) => `services:\n  api:\n    image: ${image}\n\t  bad-indent: x\n`),
);

/** A generated text with its kind; it prints as kind, head and length in a failure report. */
export interface GeneratedText {
  readonly kind: string;
  readonly text: string;
}

export function generatedText(kind: string, text: string): GeneratedText {
  return { kind, text, [fc.toStringMethod]: () => `${kind}: ${abbreviate(text)}` } as GeneratedText;
}

/** The kinds of malformed metadata.json, how many runs each gets, and their arbitrary: 1,020 runs in all. */
export const METADATA_KINDS: readonly (readonly [kind: string, runs: number, arbitrary: fc.Arbitrary<string>])[] = [
  ["not JSON", 300, notJson],
  ["a wrong type", 300, wrongType.map((document) => JSON.stringify(document))],
  ["odd unicode", 250, oddUnicode],
  ["deep nesting", 150, deepNesting],
  ["a huge file", 20, hugeMetadata],
];

/** Any kind of malformed metadata.json, each as often as its share of the runs. */
export const malformedMetadata: fc.Arbitrary<GeneratedText> = fc.oneof(
  ...METADATA_KINDS.map(([kind, runs, arbitrary]) => ({
    weight: runs,
    arbitrary: arbitrary.map((text) => generatedText(kind, text)),
  })),
);
