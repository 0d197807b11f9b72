/** One piece of a Go filepath.Match pattern segment. */
type Token =
  | { kind: "char"; char: string }
  | { kind: "any" }
  | { kind: "star" }
  | { kind: "class"; negate: boolean; body: string };

/**
 * A matcher for one path segment with Go filepath.Match wildcards (`*`, `?`, `[…]`, `\` escapes),
 * as BuildKit resolves COPY sources. No RegExp is built from the pattern: a Dockerfile segment of
 * thousands of `*` compiled to one ran V8 out of memory, and would backtrack exponentially.
 * Matching is the two-pointer algorithm with one star to return to, O(pattern × name).
 */
export function globMatcher(segment: string): (name: string) => boolean {
  const tokens = tokenize(segment);
  return (name) => {
    let t = 0;
    let n = 0;
    let starToken = -1;
    let starName = 0;
    while (n < name.length) {
      const token = tokens[t];
      if (token !== undefined && token.kind === "star") {
        starToken = t++;
        starName = n;
      } else if (token !== undefined && matchesOne(token, name.charAt(n))) {
        t++;
        n++;
      } else if (starToken !== -1) {
        t = starToken + 1;
        n = ++starName;
      } else {
        return false;
      }
    }
    while (tokens[t]?.kind === "star") t++;
    return t === tokens.length;
  };
}

function matchesOne(token: Token, char: string): boolean {
  if (char === "/") return false;
  if (token.kind === "any") return true;
  if (token.kind === "char") return token.char === char;
  if (token.kind === "star") return false;
  return inClass(token.body, char) !== token.negate;
}

function inClass(body: string, char: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const low = body.charAt(i);
    if (body.charAt(i + 1) === "-" && i + 2 < body.length) {
      if (char >= low && char <= body.charAt(i + 2)) return true;
      i += 2;
    } else if (char === low) {
      return true;
    }
  }
  return false;
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const char = segment.charAt(i);
    if (char === "*") {
      // Consecutive stars match what one does; collapsing them keeps the matcher linear in them.
      if (tokens.at(-1)?.kind !== "star") tokens.push({ kind: "star" });
    } else if (char === "?") tokens.push({ kind: "any" });
    else if (char === "\\" && i + 1 < segment.length) tokens.push({ kind: "char", char: segment.charAt(++i) });
    else if (char === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close === -1) tokens.push({ kind: "char", char });
      else {
        const raw = segment.slice(i + 1, close);
        const negate = raw.startsWith("^") || raw.startsWith("!");
        tokens.push({ kind: "class", negate, body: negate ? raw.slice(1) : raw });
        i = close;
      }
    } else tokens.push({ kind: "char", char });
  }
  return tokens;
}
