import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, jsonErrorPosition, positionAt } from "./json-position.js";

const VALID = ["{}", "[]", " 0 ", "-1.5e+10", '"a\\u00e9\\n"', '{"a":[1,{"b":null}],"c":true,"d":false}', "\n[\n 1 ,\n 2\n]\n", '"\u2028"'];
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
  "nul",
  "tru e",
  "{'a':1}",
  "\uFEFF{}",
  "[1] // comment",
];

function v8Offset(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const stated = /at position (\d+)/.exec((error as Error).message)?.[1];
    return stated === undefined ? -1 : Number(stated);
  }
}

describe("findJsonSyntaxError", () => {
  it.each(VALID)("finds no error where JSON.parse succeeds: %j", (text) => {
    expect(v8Offset(text)).toBeUndefined();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each(INVALID)("finds an error where JSON.parse fails, at V8's offset when V8 states one: %j", (text) => {
    const v8 = v8Offset(text);
    expect(v8).toBeDefined();
    const found = findJsonSyntaxError(text);
    expect(found).toBeTypeOf("number");
    if (v8 !== -1) expect(found).toBe(v8);
  });

  it("points at the token V8 complains about without giving a position", () => {
    expect(findJsonSyntaxError('{"a": tru}')).toBe(9);
    expect(findJsonSyntaxError("[1,]")).toBe(3);
    expect(findJsonSyntaxError("")).toBe(0);
  });
});

describe("positionAt", () => {
  it("counts lines and columns from 1", () => {
    const text = '{\n  "a": 1,\n}';
    expect(positionAt(text, 0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(positionAt(text, 12)).toEqual({ offset: 12, line: 3, column: 1 });
    expect(positionAt(text, 4)).toEqual({ offset: 4, line: 2, column: 3 });
  });
});

describe("jsonErrorPosition", () => {
  it("uses the position in the parse error message when there is one", () => {
    const text = '{\n  "a": 1,\n}';
    expect(jsonErrorPosition(text, new SyntaxError("Expected double-quoted property name in JSON at position 12"))).toMatchObject({ line: 3, column: 1 });
    // A message that disagrees with the text proves the stated position wins.
    expect(jsonErrorPosition(text, new SyntaxError("x in JSON at position 4"))).toMatchObject({ line: 2, column: 3 });
  });

  it("scans the text when the message has no position", () => {
    expect(jsonErrorPosition("[1,\n]", new SyntaxError("Unexpected token ']'"))).toEqual({ offset: 4, line: 2, column: 1 });
  });
});
