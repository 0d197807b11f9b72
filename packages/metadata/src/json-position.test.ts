import { describe, expect, it } from "vitest";
import { positionAt } from "./json-position.ts";

describe("positionAt", () => {
  it("counts lines and columns from 1", () => {
    const text = '{\n  "a": 1,\n}';
    expect(positionAt(text, 0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(positionAt(text, 12)).toEqual({ offset: 12, line: 3, column: 1 });
    expect(positionAt(text, 4)).toEqual({ offset: 4, line: 2, column: 3 });
  });
});
