/**
 * Offset of the first `[` or `{` that opens nesting level `maxDepth + 1` in JSON text, or
 * undefined when the text never nests that deep. One loop with a counter, so that measuring
 * hostile nesting cannot itself overflow the stack; brackets inside strings do not count.
 * Works on invalid JSON too: it only has to agree with a parser up to the first syntax error.
 * With `quotes: false` every bracket counts, which is what YAML needs: its comments, block
 * scalars and two kinds of quotes would let a quote-aware count be fooled.
 */
export function tooDeepOffset(text: string, maxDepth: number, quotes = true): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString && quotes) {
      if (code === 0x5c)
        i++; // a backslash escapes the next character, `\"` included
      else if (code === 0x22) inString = false;
    } else if (code === 0x22 && quotes) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (code === 0x5d || code === 0x7d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
