import { describe, expect, it } from "vitest";
import { checkTitleCharacters, titleAt } from "./title-escape.ts";

describe("checkTitleCharacters", () => {
  it.each([
    ["a newline", "Team\ntools", /U\+000A/],
    ["a tab", "Team\ttools", /U\+0009/],
    ["an escape character", "Team\u001b[31m", /U\+001B/],
    ["a right-to-left override", "Team \u202Eslooт", /U\+202E/],
    ["a line separator", "Team\u2028tools", /U\+2028/],
    ["leading spaces", " Team tools", /starts or ends with spaces/],
  ])("refuses a title with %s, saying why", (_label, title, why) => {
    expect(() => {
      checkTitleCharacters(title);
    }).toThrow(why);
  });

  it("accepts quotes, backslashes, markup and substitutions, which are escaped where they land", () => {
    expect(() => {
      checkTitleCharacters(`Tom's "tools" \\ $(id) </title> $(shell id) \${x} Ünïcødé 🐳`);
    }).not.toThrow();
  });
});

describe("titleAt", () => {
  const hostile = `a"b'c\\d$(e)<f>&\`g\${h}`;
  it.each([
    ["metadata.json", '"title": "X"', 10, "a\\\"b'c\\\\d$(e)<f>&`g${h}"],
    ["ui/index.html", "<title>X</title>", 7, "a&quot;b&#39;c\\d$(e)&lt;f&gt;&amp;`g${h}"],
    ["ui/src/app.tsx", '<Header title="X" />', 15, "a&quot;b&#39;c\\d$(e)&lt;f&gt;&amp;`g${h}"],
    ["ui/src/app.test.tsx", '{ name: "X" }', 9, "a\\\"b'c\\\\d$(e)<f>&`g${h}"],
    ["e2e/x.test.ts", "name: 'X'", 7, "a\"b\\'c\\\\d$(e)<f>&`g${h}"],
    ["e2e/x.test.ts", "name: `X`", 7, "a\"b'c\\\\d$(e)<f>&\\`g\\${h}"],
    ["Dockerfile", 'LABEL title="X" \\', 13, "a\\\"b'c\\\\d\\$(e)<f>&`g\\${h}"],
    ["README.md", "the **X** tab", 6, "a\\\"b\\'c\\\\d\\$\\(e\\)\\<f\\>\\&\\`g\\$\\{h\\}"],
    ["compose.yaml", 'title: "X"', 8, "a\\\"b'c\\\\d$(e)<f>&`g${h}"],
  ])("escapes the title for %s (%s)", (file, text, at, expected) => {
    expect(titleAt(file, text, at, hostile)).toBe(expected);
  });

  it.each([
    ["Makefile", "TITLE := X", 9],
    ["compose.yaml", "title: X", 7],
    ["Dockerfile", "LABEL title=X", 12],
    ["ui/src/app.ts", "// the X tab", 7],
    ["hello.sh", 'echo "X"', 6],
  ])("refuses a title with special characters where it would land unquoted or unknown: %s", (file, text, at) => {
    expect(() => titleAt(file, text, at, "a $(b)")).toThrow(new RegExp(`would land unquoted in ${file}`));
    expect(titleAt(file, text, at, "Team tools (beta), v2!")).toBe("Team tools (beta), v2!");
  });
});
