import { describe, expect, it } from "vitest";
import { parseAnsi } from "./ansi.ts";
import { ansiColorCss, ansiStyleCss } from "./ansi-palette.ts";

const esc = "\u001b";

describe("parseAnsi", () => {
  it("leaves plain text as one unstyled segment", () => {
    expect(parseAnsi("hello world")).toEqual({ segments: [{ text: "hello world", style: {} }], end: {} });
  });

  it("applies the basic, bright and background colours, and resets with 0 and with an empty ESC[m", () => {
    const { segments } = parseAnsi(`${esc}[31mred${esc}[0m ${esc}[92;44mbright${esc}[mplain`);
    expect(segments).toEqual([
      { text: "red", style: { fg: { index: 1 } } },
      { text: " ", style: {} },
      { text: "bright", style: { fg: { index: 10 }, bg: { index: 4 } } },
      { text: "plain", style: {} },
    ]);
  });

  it("reads 256-colour and 24-bit colours, and bold, italic, underline and their undoing", () => {
    const { segments, end } = parseAnsi(`${esc}[1;38;5;208mA${esc}[48;2;10;20;300;3;4mB${esc}[22;23;24;39;49mC`);
    expect(segments).toEqual([
      { text: "A", style: { bold: true, fg: { index: 208 } } },
      {
        text: "B",
        style: { bold: true, fg: { index: 208 }, bg: { rgb: [10, 20, 255] }, italic: true, underline: true },
      },
      { text: "C", style: { bold: false, dim: false, italic: false, underline: false, fg: undefined, bg: undefined } },
    ]);
    expect(end).toEqual(segments[2]?.style);
  });

  it("drops escapes a log view cannot replay: erase line, cursor moves, window titles", () => {
    const { segments } = parseAnsi(`${esc}[2K${esc}[1A${esc}]0;title\u0007progress ${esc}[32m50%`);
    expect(segments.map((segment) => segment.text).join("")).toBe("progress 50%");
    expect(segments.at(-1)?.style).toEqual({ fg: { index: 2 } });
  });

  it("resets on tput sgr0 (ESC ( B ESC [ m) and drops ESC 7 / ESC 8 cursor saves, showing neither", () => {
    const { segments } = parseAnsi(`${esc}[31m${esc}7red${esc}8${esc}(B${esc}[m plain`);
    expect(segments).toEqual([
      { text: "red", style: { fg: { index: 1 } } },
      { text: " plain", style: {} },
    ]);
  });

  it("keeps a hyperlink's text and drops its OSC 8 escapes, ended by ST or BEL", () => {
    const { segments } = parseAnsi(
      `see ${esc}]8;;https://example.com${esc}\\docs${esc}]8;;${esc}\\ or ${esc}]8;;https://example.org\u0007site${esc}]8;;\u0007`,
    );
    expect(segments.map((segment) => segment.text).join("")).toBe("see docs or site");
  });

  it("reads colon sub-parameters as terminals do (38:5:n, 48:2:r:g:b)", () => {
    expect(parseAnsi(`${esc}[38:5:208;48:2:1:2:3mX`).segments).toEqual([
      { text: "X", style: { fg: { index: 208 }, bg: { rgb: [1, 2, 3] } } },
    ]);
  });

  it("continues from the style the previous line ended with", () => {
    const first = parseAnsi(`${esc}[33mwarning: multi`);
    const second = parseAnsi(`line${esc}[0m`, first.end);
    expect(second.segments).toEqual([{ text: "line", style: { fg: { index: 3 } } }]);
    expect(second.end).toEqual({});
  });
});

describe("ansi colours", () => {
  it("picks each basic colour per theme mode, and computes the 256-colour cube and greys", () => {
    expect(ansiColorCss({ index: 1 }, "light")).not.toBe(ansiColorCss({ index: 1 }, "dark"));
    expect(ansiColorCss({ index: 196 }, "light")).toBe("rgb(255, 0, 0)");
    expect(ansiColorCss({ index: 232 }, "dark")).toBe("rgb(8, 8, 8)");
    expect(ansiColorCss({ rgb: [1, 2, 3] }, "dark")).toBe("rgb(1, 2, 3)");
  });

  it("turns a style into inline CSS, swapping colours for inverse", () => {
    expect(ansiStyleCss({}, "light")).toEqual({});
    expect(ansiStyleCss({ bold: true, underline: true, strike: true }, "light")).toEqual({
      fontWeight: 700,
      textDecoration: "underline line-through",
    });
    expect(ansiStyleCss({ inverse: true, fg: { rgb: [1, 1, 1] } }, "dark")).toEqual({
      color: "var(--dext-output-bg)",
      backgroundColor: "rgb(1, 1, 1)",
    });
  });
});
