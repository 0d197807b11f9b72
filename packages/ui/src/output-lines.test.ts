import { describe, expect, it } from "vitest";
import { outputText, stripAnsi } from "./output-lines.ts";

const esc = "\u001b";

describe("stripAnsi", () => {
  it("removes colours, cursor moves, titles and hyperlink escapes, keeping every visible character", () => {
    const text = `${esc}[2K${esc}[1A${esc}]0;build\u0007${esc}[1;38;5;208mwarn${esc}[0m see ${esc}]8;;https://example.com${esc}\\docs${esc}]8;;${esc}\\ ${esc}(B[x]${esc}7 ${esc}8`;
    expect(stripAnsi(text)).toBe("warn see docs [x] ");
  });

  it("gives the clipboard one line per output line, escapes removed", () => {
    expect(
      outputText([
        { id: 0, stream: "stdout", text: `${esc}[32mok${esc}[0m` },
        { id: 1, stream: "stderr", text: "x" },
      ]),
    ).toBe("ok\nx");
  });
});
