import type { CSSProperties } from "react";
import type { AnsiColor, AnsiStyle } from "./ansi.ts";

type Palette16 = readonly [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

// The 16 basic colours, chosen per theme so that each stays readable (contrast >= 4.5:1) on the
// output view's background: "black" cannot be black on Docker's dark surface, nor "white" white
// on its light one. Order: black red green yellow blue magenta cyan white, then the bright ones.
const light: Palette16 = [
  "#24292f",
  "#b42318",
  "#146c2e",
  "#7a4a00",
  "#0b57b8",
  "#7d3cc8",
  "#0b6872",
  "#5d6670",
  "#4b535c",
  "#a4161a",
  "#17753a",
  "#6b3f00",
  "#0a5fcc",
  "#8a43d6",
  "#0f5f66",
  "#555e68",
];
const dark: Palette16 = [
  "#8c96a0",
  "#ff7a70",
  "#45c25a",
  "#d9a032",
  "#62a8ff",
  "#c094ff",
  "#43c8d2",
  "#ccd3da",
  "#a1aab4",
  "#ffa59c",
  "#5fd872",
  "#e8bb4c",
  "#86c4ff",
  "#d8b0ff",
  "#62d8e0",
  "#f2f5f8",
];

const cubeSteps = [0, 95, 135, 175, 215, 255] as const;

/** The CSS colour for an ANSI colour in the given theme mode. */
export function ansiColorCss(color: AnsiColor, mode: "light" | "dark"): string {
  if ("rgb" in color) return `rgb(${color.rgb.join(", ")})`;
  const { index } = color;
  if (index < 16) return (mode === "dark" ? dark : light)[index] ?? "inherit";
  if (index < 232) {
    const cube = index - 16;
    const [r, g, b] = [Math.floor(cube / 36), Math.floor(cube / 6) % 6, cube % 6].map((step) => cubeSteps[step] ?? 0);
    return `rgb(${String(r)}, ${String(g)}, ${String(b)})`;
  }
  const grey = 8 + (index - 232) * 10;
  return `rgb(${String(grey)}, ${String(grey)}, ${String(grey)})`;
}

/** Inline CSS for a segment's style; an empty style gives an empty object (the line's own colour). */
export function ansiStyleCss(style: AnsiStyle, mode: "light" | "dark"): CSSProperties {
  let fg = style.fg === undefined ? undefined : ansiColorCss(style.fg, mode);
  let bg = style.bg === undefined ? undefined : ansiColorCss(style.bg, mode);
  if (style.inverse === true) {
    // Inverse swaps the colours; a missing one stands for the view's own text or background.
    [fg, bg] = [bg ?? "var(--dext-output-bg)", fg ?? "var(--dext-output-fg)"];
  }
  const decorations = [style.underline === true ? "underline" : "", style.strike === true ? "line-through" : ""].filter(
    Boolean,
  );
  return {
    ...(fg === undefined ? {} : { color: fg }),
    ...(bg === undefined ? {} : { backgroundColor: bg }),
    ...(style.bold === true ? { fontWeight: 700 } : {}),
    ...(style.dim === true ? { opacity: 0.75 } : {}),
    ...(style.italic === true ? { fontStyle: "italic" } : {}),
    ...(decorations.length > 0 ? { textDecoration: decorations.join(" ") } : {}),
  };
}
