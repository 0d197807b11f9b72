// Hand-written: anser and ansicolor show OSC titles, links or cursor moves as text, ansi-sequence-parser eats text up to the next `m`, anser loses `38:5:n`.
import { ansiEscapePattern } from "./output-lines.ts";

/** A colour an SGR code selects: one of the 256 indexed colours, or 24-bit. */
export type AnsiColor = { readonly index: number } | { readonly rgb: readonly [number, number, number] };

/** The text attributes in force at a point of the output (SGR state). */
export interface AnsiStyle {
  readonly fg?: AnsiColor;
  readonly bg?: AnsiColor;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
  readonly strike?: boolean;
}

export interface AnsiSegment {
  readonly text: string;
  readonly style: AnsiStyle;
}

/**
 * Splits one line into styled segments. SGR sequences (`ESC [ ... m`) change the style; every
 * other escape (cursor moves, erase, window titles) is dropped, since a log view cannot replay
 * them. `start` is the style the previous line ended with: colours may span lines.
 */
export function parseAnsi(text: string, start: AnsiStyle = {}): { segments: AnsiSegment[]; end: AnsiStyle } {
  const segments: AnsiSegment[] = [];
  let style = start;
  let last = 0;
  for (const match of text.matchAll(ansiEscapePattern)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), style });
    last = match.index + match[0].length;
    if (match[2] === "m") style = applySgr(style, match[1] ?? "");
  }
  if (last < text.length) segments.push({ text: text.slice(last), style });
  return { segments, end: style };
}

function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  // `ESC[m` is a reset; sub-parameters separated by ":" are read like ";".
  const codes = params === "" ? [0] : params.split(/[;:]/).map((code) => (code === "" ? 0 : Number(code)));
  let next: AnsiStyle = style;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    if (code === 38 || code === 48) {
      const [color, used] = extendedColor(codes, i + 1);
      i += used;
      if (color !== undefined) next = code === 38 ? { ...next, fg: color } : { ...next, bg: color };
      continue;
    }
    next = applyCode(next, code);
  }
  return next;
}

// 38;5;n and 38;2;r;g;b (and 48;...). Returns the colour and how many codes it used.
function extendedColor(codes: readonly number[], at: number): [AnsiColor | undefined, number] {
  const mode = codes[at];
  if (mode === 5) {
    const index = codes[at + 1];
    return [index !== undefined && index >= 0 && index <= 255 ? { index } : undefined, 2];
  }
  if (mode === 2) {
    const [r, g, b] = [codes[at + 1], codes[at + 2], codes[at + 3]];
    if (r === undefined || g === undefined || b === undefined) return [undefined, 4];
    return [{ rgb: [clampByte(r), clampByte(g), clampByte(b)] }, 4];
  }
  return [undefined, 0];
}

function clampByte(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value)));
}

function applyCode(style: AnsiStyle, code: number): AnsiStyle {
  if (code === 0) return {};
  if (code >= 30 && code <= 37) return { ...style, fg: { index: code - 30 } };
  if (code >= 90 && code <= 97) return { ...style, fg: { index: code - 90 + 8 } };
  if (code >= 40 && code <= 47) return { ...style, bg: { index: code - 40 } };
  if (code >= 100 && code <= 107) return { ...style, bg: { index: code - 100 + 8 } };
  switch (code) {
    case 1:
      return { ...style, bold: true };
    case 2:
      return { ...style, dim: true };
    case 3:
      return { ...style, italic: true };
    case 4:
      return { ...style, underline: true };
    case 7:
      return { ...style, inverse: true };
    case 9:
      return { ...style, strike: true };
    case 22:
      return { ...style, bold: false, dim: false };
    case 23:
      return { ...style, italic: false };
    case 24:
      return { ...style, underline: false };
    case 27:
      return { ...style, inverse: false };
    case 29:
      return { ...style, strike: false };
    case 39:
      return { ...style, fg: undefined };
    case 49:
      return { ...style, bg: undefined };
    default:
      // Blink, fonts, framed and the rest: no meaning in a log view.
      return style;
  }
}
