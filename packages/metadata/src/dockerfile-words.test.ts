import { describe, expect, it } from "vitest";
import { expandWord, splitWords } from "./dockerfile-words.ts";

const vars: Record<string, string> = { A: "1", EMPTY: "", URL: "https://example.com/x.svg" };
const lookup = (name: string): string | undefined => vars[name];

describe("expandWord", () => {
  it.each([
    ["$A", "1"],
    ["${A}", "1"],
    ["x${A}y", "x1y"],
    ['"a ${A}"', "a 1"],
    ["'a ${A}'", "a ${A}"],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"keep \\n"', "keep \\n"],
    ["plain\\ word", "plain word"],
    ["\\$A", "$A"],
    ["${MISSING:-fallback}", "fallback"],
    ["${EMPTY:-fallback}", "fallback"],
    ["${EMPTY-fallback}", ""],
    ["${A:+set}", "set"],
    ["${MISSING:+set}", ""],
    ["${MISSING:-${A:-no}}", "1"],
    ["$", "$"],
    ["${", "${"],
    ["${A", "${A"],
    ["$1", "$1"],
    ['[{"url":"${URL}"}]', "[{url:https://example.com/x.svg}]"],
    ['\'[{"url":"${URL}"}]\'', '[{"url":"${URL}"}]'],
    ['"[{\\"url\\":\\"${URL}\\"}]"', '[{"url":"https://example.com/x.svg"}]'],
  ])("%s → %s", (raw, expected) => {
    expect(expandWord(raw, lookup).value).toBe(expected);
  });

  it("reports plain references to unset variables, not those with a default", () => {
    expect(expandWord("$NOPE ${GONE} ${ALSO:-x} ${REQ:?set it}", lookup).unresolved).toEqual(["NOPE", "GONE", "REQ"]);
  });

  it("honours another escape character", () => {
    expect(expandWord('"a`"b" c`$A', lookup, "`").value).toBe('a"b c$A');
  });

  it("stays linear on thousands of unclosed braces", () => {
    const started = performance.now();
    expandWord("${x:-".repeat(20_000), lookup);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("splitWords", () => {
  it("splits on unquoted white space and keeps quotes for expansion", () => {
    expect(splitWords(`a "b c" 'd e' f\\ g`)).toEqual(["a", '"b c"', "'d e'", "f\\ g"]);
  });
});
