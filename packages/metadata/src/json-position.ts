import { MAX_JSON_DEPTH } from "./input-limits.js";

/** A place in a text: `offset` counts UTF-16 units from 0, `line` and `column` count from 1. */
export interface JsonPosition {
  offset: number;
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): JsonPosition {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { offset, line, column };
}

/**
 * Where JSON.parse gave up on `text`. V8 states "at position N" for some errors only
 * (Node 20 says just "Unexpected token '}'" for others), so the rest are found by scanning.
 */
export function jsonErrorPosition(text: string, parseError: unknown): JsonPosition {
  const stated = parseError instanceof Error ? /at position (\d+)/.exec(parseError.message)?.[1] : undefined;
  const offset = stated === undefined ? (scanSafely(text) ?? text.length) : Number(stated);
  return positionAt(text, offset);
}

/** The scanner recurses per nesting level, so it gives up past MAX_JSON_DEPTH; the end of the text is then the best answer. */
function scanSafely(text: string): number | undefined {
  try {
    return findJsonSyntaxError(text);
  } catch (thrown) {
    if (thrown instanceof TooDeep) return undefined;
    throw thrown;
  }
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

/** The scanner stopped at its depth limit instead of overflowing the stack. */
class TooDeep extends Error {}

/**
 * Offset of the first character that makes `text` invalid JSON (RFC 8259), or undefined if valid.
 * @throws {Error} past `maxDepth` nesting levels, rather than overflowing the stack
 */
export function findJsonSyntaxError(text: string, maxDepth = MAX_JSON_DEPTH): number | undefined {
  let i = 0;
  let depth = 0;
  const at = (offset: number): string => text.charAt(offset);
  const fail = (offset: number): never => {
    throw new Stop(offset);
  };
  const skipSpace = (): void => {
    while (i < text.length && " \t\n\r".includes(at(i))) i++;
  };
  const expect = (char: string): void => {
    if (at(i) !== char) fail(i);
    i++;
  };
  const digits = (): void => {
    if (!/\d/.test(at(i))) fail(i);
    while (/\d/.test(at(i))) i++;
  };

  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= text.length) fail(i);
      const char = at(i);
      if (char === '"') {
        i++;
        return;
      }
      if (char.charCodeAt(0) < 0x20) fail(i);
      if (char === "\\") {
        i++;
        if (at(i) === "u") {
          for (let k = 1; k <= 4; k++) if (!/[\da-fA-F]/.test(at(i + k))) fail(i + k);
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(at(i))) {
          i++;
        } else {
          fail(i);
        }
      } else {
        i++;
      }
    }
  };

  const number = (): void => {
    if (at(i) === "-") i++;
    if (at(i) === "0") i++;
    else digits();
    if (at(i) === ".") {
      i++;
      digits();
    }
    if (at(i) === "e" || at(i) === "E") {
      i++;
      if (at(i) === "+" || at(i) === "-") i++;
      digits();
    }
  };

  const literal = (word: string): void => {
    for (const char of word) expect(char);
  };

  const sequence = (close: string, item: () => void): void => {
    if (++depth > maxDepth) throw new TooDeep(`JSON nested deeper than ${maxDepth} levels at ${i}`);
    i++;
    skipSpace();
    if (at(i) === close) {
      i++;
      depth--;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (at(i) === close) {
        i++;
        depth--;
        return;
      }
      expect(",");
      skipSpace();
    }
  };

  const value = (): void => {
    skipSpace();
    const char = at(i);
    if (char === "{") {
      sequence("}", () => {
        string();
        skipSpace();
        expect(":");
        value();
      });
    } else if (char === "[") {
      sequence("]", value);
    } else if (char === '"') string();
    else if (char === "t") literal("true");
    else if (char === "f") literal("false");
    else if (char === "n") literal("null");
    else if (char === "-" || /\d/.test(char)) number();
    else fail(i);
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail(i);
    return undefined;
  } catch (thrown) {
    if (thrown instanceof Stop) return thrown.offset;
    throw thrown;
  }
}
