import { propertyRuns } from "@dext/vitest-config/property-runs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "./json-syntax-error.ts";

const VALID = [
  "{}",
  "[]",
  " 0 ",
  "-1.5e+10",
  '"a\\u00e9\\n"',
  '{"a":[1,{"b":null}],"c":true,"d":false}',
  "\n[\n 1 ,\n 2\n]\n",
  '"\u2028"',
  '"\\ud800"',
];
const INVALID = [
  "",
  "   ",
  "{",
  '{"a":}',
  '{\n  "a": 1,\n}',
  "[1,]",
  "[1 2]",
  '{"a" 1}',
  "{a:1}",
  "01",
  "[-]",
  "1.",
  "1e",
  '{"a":1}}',
  '"abc',
  '"\\x"',
  '"\\u12g4"',
  '"a\nb"',
  '"a\tb',
  "nul",
  "tru e",
  "{'a':1}",
  "\uFEFF{}",
  "[1] // comment",
  '[1 "abc',
  '0"*{}].',
];

/** V8's offset when its message states one, -1 when it does not, undefined when the text is JSON. */
function v8Offset(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const stated = /at position (\d+)/.exec((error as Error).message)?.[1];
    return stated === undefined ? -1 : Number(stated);
  }
}

function reasonAt(text: string): { line: number; column: number; reason: string } | undefined {
  const found = findJsonSyntaxError(text);
  return found === undefined
    ? undefined
    : { line: found.position.line, column: found.position.column, reason: found.reason };
}

describe("findJsonSyntaxError", () => {
  it.each(VALID)("finds nothing where JSON.parse succeeds: %j", (text) => {
    expect(v8Offset(text)).toBeUndefined();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each(INVALID)("finds an error where JSON.parse fails, at V8's offset when V8 states one: %j", (text) => {
    const v8 = v8Offset(text);
    expect(v8).toBeDefined();
    const found = findJsonSyntaxError(text);
    expect(found).toBeDefined();
    if (v8 !== -1) expect(found?.position.offset).toBe(v8);
  });

  it("agrees with JSON.parse on generated JSON-ish text, and on V8's offset except at a word JSON does not know", () => {
    const alphabet = fc.constantFrom(..."{}[]:,\"\\ \t\n\r0123456789-+.eEtrufalsnx/*'\u0001\uFEFF".split(""));
    const text = fc.oneof(
      fc.array(alphabet, { maxLength: 30 }).map((chars) => chars.join("")),
      fc
        .json()
        .chain((json) => fc.tuple(fc.constant(json), fc.nat(json.length), fc.nat(json.length), alphabet))
        .map(([json, from, to, char]) => json.slice(0, from) + char + json.slice(to)),
    );
    fc.assert(
      fc.property(text, (candidate) => {
        const v8 = v8Offset(candidate);
        const found = findJsonSyntaxError(candidate);
        expect(found === undefined).toBe(v8 === undefined);
        // V8 points into a bad word (`nul0l` at the 0); this points at the word and names it.
        if (v8 !== undefined && v8 !== -1 && !/^unexpected '/.test(found?.reason ?? "")) {
          expect(found?.position.offset).toBe(v8);
        }
      }),
      propertyRuns(5000),
    );
  });

  it("says where a trailing comma is, and that JSON (and Desktop) allow none", () => {
    expect(reasonAt('{\n  "icon": "docker.svg",\n}')).toEqual({
      line: 3,
      column: 1,
      reason: "a comma before } ends the object: JSON allows no trailing comma; remove the comma at line 2, column 23",
    });
    expect(reasonAt("[1,\n]")?.reason).toMatch(/^a comma before \] ends the array: .*line 1, column 3$/);
  });

  it("refuses comments, as Desktop does, at the comment", () => {
    expect(reasonAt('{\n  // the tab\n  "ui": {}\n}')).toMatchObject({
      line: 2,
      column: 3,
      reason: expect.stringMatching(/^a comment; JSON has none/) as string,
    });
    expect(reasonAt('{"ui": {} /* tab */}')).toMatchObject({
      line: 1,
      column: 11,
      reason: expect.stringMatching(/^a comment/) as string,
    });
  });

  it("names a missing comma, and whether it is between properties or items", () => {
    expect(reasonAt('{\n  "icon": "a.svg"\n  "ui": {}\n}')).toEqual({
      line: 3,
      column: 3,
      reason: `a comma is missing before '"ui"', between two properties of an object`,
    });
    expect(reasonAt("[1 2]")?.reason).toBe("a comma is missing before '2', between two items of an array");
  });

  it("puts an unterminated string's error where its closing quote is missing", () => {
    expect(reasonAt('{\n  "icon": "docker.svg\n}')).toEqual({
      line: 2,
      column: 22,
      reason: `the string '"docker.svg' has no closing quote before the end of its line`,
    });
    expect(reasonAt('{"icon": "docker.svg')?.reason).toMatch(/before the end of its text$/);
  });

  it("points at the offending character inside a string: a bad escape or a control character", () => {
    expect(reasonAt('{"a": "\\x"}')).toMatchObject({
      column: 9,
      reason: expect.stringMatching(/^'\\x' is not a JSON escape/) as string,
    });
    expect(reasonAt('"\\u12g4"')).toMatchObject({
      column: 6,
      reason: expect.stringMatching(/^'\\u12g' is not a JSON escape; \\u takes four hex digits/) as string,
    });
    expect(reasonAt('{"a": "tab\there"}')).toMatchObject({
      column: 11,
      reason: expect.stringMatching(/^a control character \(U\+0009\) inside a string/) as string,
    });
  });

  it("explains a byte-order mark, an empty text and an unclosed object in words", () => {
    expect(reasonAt('\uFEFF{"a":1,}')).toMatchObject({
      line: 1,
      column: 1,
      reason: expect.stringMatching(/byte-order mark.*UTF-8 without BOM/) as string,
    });
    expect(reasonAt("")).toMatchObject({
      line: 1,
      column: 1,
      reason: expect.stringMatching(/^the text is empty/) as string,
    });
    expect(reasonAt('{\n  "ui": {\n')).toEqual({
      line: 3,
      column: 1,
      reason: "the text ends before the object opened at line 2, column 9 is closed with }",
    });
  });

  it("names the word JSON does not know, quotes that should be double, and leading zeros", () => {
    expect(reasonAt('{\n  "vm": {"image": tru}\n}')).toMatchObject({
      line: 2,
      column: 19,
      reason: expect.stringMatching(/^unexpected 'tru'; JSON has "double-quoted" strings/) as string,
    });
    expect(reasonAt("{'icon': 1}")?.reason).toMatch(
      /^'icon' is in single quotes; JSON strings and property names take double quotes/,
    );
    expect(reasonAt('{"a": 01}')).toMatchObject({ column: 8, reason: expect.stringMatching(/leading zero/) as string });
    expect(reasonAt('{"a":1}}')?.reason).toBe("'}' after the end of the JSON value; a JSON text holds one value");
  });

  it("answers nesting past MAX_JSON_DEPTH from the depth, without recursing into it", () => {
    expect(reasonAt("[".repeat(200_000))).toMatchObject({
      line: 1,
      column: 1001,
      reason: "nests deeper than 1000 levels here",
    });
  });
});
