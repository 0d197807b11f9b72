import { describe, expect, it } from "vitest";
import { tooDeepOffset } from "./json-depth.ts";

describe("tooDeepOffset", () => {
  it("gives the offset of the bracket that opens one level too many", () => {
    expect(tooDeepOffset('{"a":[[1]]}', 3)).toBeUndefined();
    expect(tooDeepOffset('{"a":[[[1]]]}', 3)).toBe(7);
  });

  it("ignores brackets inside strings, escaped quotes included, unless told that quotes do not count", () => {
    const text = `["[[[\\"[[[", 1]`;
    expect(tooDeepOffset(text, 1)).toBeUndefined();
    expect(tooDeepOffset(text, 1, false)).toBe(2);
  });

  it("measures a hundred thousand levels without recursing", () => {
    expect(tooDeepOffset("[".repeat(100_000), 1000)).toBe(1000);
  });
});
