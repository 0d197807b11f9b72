import { describe, expect, it } from "vitest";
import { isFullSemver, isSemverOrRange } from "./semver-range.ts";

describe("isSemverOrRange", () => {
  it.each([
    "0.3.4",
    "1.0.0-beta.1",
    ">= 0.3.3",
    ">=0.3.3",
    ">= 1.4.7, < 2.0",
    "^0.3",
    "~0.3.4",
    "0.3.x",
    "*",
    "1.0 - 2.0",
    "<0.3 || >= 0.4",
    "v0.3.4",
    "1.2.3+build.5",
  ])("accepts %s", (range) => {
    expect(isSemverOrRange(range)).toBe(true);
  });

  it.each(["", "latest", "0.3.4.5", ">=", "01.2.3", "1.2.3 -", "0.3 ||", ">> 1.0", "one", "1.0.0-", "≥ 0.3"])(
    "refuses %j",
    (range) => {
      expect(isSemverOrRange(range)).toBe(false);
    },
  );
});

describe("isFullSemver", () => {
  it("wants major.minor.patch", () => {
    expect(["0.1.0", "1.2.3-rc.1", "v2.0.0"].every(isFullSemver)).toBe(true);
    expect(["latest", "1.2", "1.2.x", "main"].some(isFullSemver)).toBe(false);
  });
});
