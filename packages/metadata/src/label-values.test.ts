import { describe, expect, it } from "vitest";
import { linkListProblem } from "./label-values.ts";

const screenshots = { textKey: "alt", nonEmpty: true } as const;

describe("linkListProblem", () => {
  it("says where a JSON list label stops being JSON, and why", () => {
    expect(linkListProblem('[{"alt":"Main","url":"https://example.com/1.png"},]', screenshots)).toBe(
      "is not valid JSON at character 51: a comma before ] ends the array: JSON allows no trailing comma; remove the comma at line 1, column 50",
    );
    expect(linkListProblem("[{'alt':'Main'}]", screenshots)).toMatch(
      /^is not valid JSON at character 3: 'alt' is in single quotes/,
    );
    expect(linkListProblem('[\n  {"alt": "Main"\n  "url": "https://example.com/1.png"}\n]', screenshots)).toMatch(
      /^is not valid JSON at line 3, column 3: a comma is missing/,
    );
  });

  it("accepts a list of alt texts and http(s) URLs", () => {
    expect(linkListProblem('[{"alt":"Main","url":"https://example.com/1.png"}]', screenshots)).toBeUndefined();
  });
});
