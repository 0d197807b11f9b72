import { describe, expect, it } from "vitest";
import { findDuplicateKey, parseStrictJson, StrictJsonError } from "./strict-json.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function refusal(text: string | Uint8Array): StrictJsonError {
  try {
    parseStrictJson(typeof text === "string" ? bytes(text) : text);
  } catch (error) {
    if (error instanceof StrictJsonError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("findDuplicateKey", () => {
  it.each([
    ["at the top level", '{"HostConfig": {}, "Image": "x", "HostConfig": {"Privileged": true}}', ["HostConfig"]],
    [
      "inside a nested object",
      '{"HostConfig": {"Binds": [], "NetworkMode": "none", "Binds": ["/:/host"]}}',
      ["HostConfig", "Binds"],
    ],
    [
      "in an object inside an array",
      '{"HostConfig": {"Mounts": [{"ReadOnly": true, "ReadOnly": false}]}}',
      ["HostConfig", "Mounts", "0", "ReadOnly"],
    ],
    ["in a later array element", '[{"a": 1}, {"b": 1, "b": 2}]', ["1", "b"]],
    ["spelled with a unicode escape", '{"HostConfig": {}, "Host\\u0043onfig": {"Privileged": true}}', ["HostConfig"]],
    ["spelled with escapes on both sides", '{"\\u0041": 1, "\\u0041": 2}', ["A"]],
    ["spelled with an escaped slash", '{"a/b": 1, "a\\/b": 2}', ["a/b"]],
  ])("finds a key named twice %s, with its path", (_label, text, path) => {
    expect(findDuplicateKey(text)).toEqual(path);
  });

  it("accepts the same key in different objects, and keys that differ only in case", () => {
    expect(
      findDuplicateKey('{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}], "X": 3, "x": 4}'),
    ).toBeUndefined();
  });

  it("is not fooled by braces, quotes, commas or colons inside string values", () => {
    expect(findDuplicateKey('{"a": "\\"a\\": 1, {\\"b\\": [", "b": "}]", "c": "\\\\"}')).toBeUndefined();
    expect(findDuplicateKey('{"a": "x\\\\", "a": 1}')).toEqual(["a"]);
  });

  it("walks nesting far deeper than any call stack", () => {
    const depth = 100_000;
    expect(findDuplicateKey(`${'{"a":'.repeat(depth)}{"k": 1, "k": 2}${"}".repeat(depth)}`)).toHaveLength(depth + 1);
  });
});

describe("parseStrictJson", () => {
  it("answers the value of a body without duplicates", () => {
    expect(parseStrictJson(bytes('{"Image": "x", "Cmd": ["list", "é"]}'))).toEqual({ Image: "x", Cmd: ["list", "é"] });
  });

  it("refuses a duplicate key with code duplicate_key, naming its path", () => {
    expect(refusal('{"HostConfig": {"Binds": ["/:/host"], "Binds": []}}')).toMatchObject({
      code: "duplicate_key",
      message: "the body names HostConfig.Binds twice",
    });
  });

  it.each([
    ["truncated JSON", bytes('{"Image": "x"')],
    ["a trailing comma", bytes('{"Image": "x",}')],
    ["bytes that are not UTF-8", Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
    ["a leading byte order mark", bytes('\uFEFF{"Image": "x"}')],
    ["an empty body", bytes("")],
  ])("refuses %s with code invalid_json", (_label, body) => {
    expect(refusal(body).code).toBe("invalid_json");
  });
});
