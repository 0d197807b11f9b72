/**
 * Splits the shell form of a Dockerfile instruction into words the way Docker's own parser does
 * for COPY/ADD/WORKDIR: whitespace separates, single and double quotes group, a backslash escapes
 * the next character (outside single quotes). No expansion happens here.
 */
export function splitShellWords(text: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === "\\" && quote === '"' && i + 1 < text.length) current += text.charAt(++i);
      else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (char === "\\" && i + 1 < text.length) {
      current += text.charAt(++i);
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new SyntaxError(`Unterminated ${quote} quote in: ${text}`);
  if (inWord) words.push(current);
  return words;
}

/** No real Dockerfile word comes near this; a chain of `ENV A=$B$B` doubling each line soon would. */
const maxExpandedLength = 65_536;

/** Replaces `$NAME`, `${NAME}` and `${NAME:-default}` from `vars`; unknown names become empty, as in Docker. */
export function expandVariables(text: string, vars: ReadonlyMap<string, string>): string {
  const expanded = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced?: string, fallback?: string, bare?: string) => {
      const name = braced ?? bare ?? "";
      const value = vars.get(name);
      return value !== undefined && value !== "" ? value : (fallback ?? "");
    },
  );
  if (expanded.length > maxExpandedLength)
    throw new RangeError(`A Dockerfile value expands to over ${maxExpandedLength} characters: ${text.slice(0, 80)}`);
  return expanded;
}
