import { printParseErrorCode, visit } from "jsonc-parser";
import { MAX_JSON_DEPTH } from "./input-limits.ts";
import { tooDeepOffset } from "./json-depth.ts";
import { positionAt } from "./json-position.ts";
import type { JsonPosition } from "./json-position.ts";

export type JsonSyntaxErrorCode =
  | "trailing_comma"
  | "comment"
  | "byte_order_mark"
  | "empty"
  | "unexpected_token"
  | "single_quotes"
  | "bad_number"
  | "bad_string"
  | "property_name_expected"
  | "comma_expected"
  | "colon_expected"
  | "value_expected"
  | "unclosed"
  | "extra_content"
  | "too_deep";

/** Why a text is not JSON: what kind of mistake, where, and in words a person can act on. */
export interface JsonSyntaxError {
  readonly code: JsonSyntaxErrorCode;
  readonly position: JsonPosition;
  /** Lower case, e.g. "a comma before } ends the object: JSON allows no trailing comma; remove the comma at line 2, column 23". */
  readonly reason: string;
}

type JsoncErrorName = ReturnType<typeof printParseErrorCode>;

interface Container {
  bracket: "{" | "[";
  offset: number;
}

interface FirstError {
  name: JsoncErrorName;
  offset: number;
  length: number;
  /** The innermost object or array open at the error (for a missing bracket, the one it closes). */
  container: Container | undefined;
}

/** Strict JSON, as JSON.parse and Desktop read it: no comments, no trailing commas, no empty text. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/**
 * The first reason `text` is not JSON (RFC 8259), or undefined when it is. jsonc-parser finds the
 * error and its kind; this names it. The parser recurses per nesting level, so text nested deeper
 * than MAX_JSON_DEPTH is answered from the depth alone.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const deep = tooDeepOffset(text, MAX_JSON_DEPTH);
  if (deep !== undefined)
    return {
      code: "too_deep",
      position: positionAt(text, deep),
      reason: `nests deeper than ${MAX_JSON_DEPTH} levels here`,
    };
  const first = firstError(text);
  if (first === undefined) return undefined;
  const { offset, code, reason } = describe(text, first);
  return { code, position: positionAt(text, offset), reason };
}

// What is wrong inside one token, which jsonc-parser reports as it reads the token, before it
// checks whether the token may stand there at all.
const TOKEN_CONTENT: ReadonlySet<JsoncErrorName> = new Set([
  "UnexpectedEndOfString",
  "UnexpectedEndOfNumber",
  "InvalidCharacter",
  "InvalidEscapeCharacter",
  "InvalidUnicode",
]);

/**
 * The error JSON.parse would stop at: the first by offset and, at that offset, the misplaced
 * token rather than what is wrong inside it (`[1 "abc` lacks a comma before it is unterminated).
 */
function firstError(text: string): FirstError | undefined {
  const open: Container[] = [];
  // jsonc-parser ends an unclosed object or array before it reports the missing bracket.
  let closed: Container | undefined;
  let first: FirstError | undefined;
  visit(
    text,
    {
      onObjectBegin: (offset) => void open.push({ bracket: "{", offset }),
      onArrayBegin: (offset) => void open.push({ bracket: "[", offset }),
      onObjectEnd: () => void (closed = open.pop()),
      onArrayEnd: () => void (closed = open.pop()),
      onError: (code, offset, length) => {
        const name = printParseErrorCode(code);
        const unclosed = name === "CloseBraceExpected" || name === "CloseBracketExpected";
        const error = { name, offset, length, container: unclosed ? closed : open.at(-1) };
        if (first === undefined) first = error;
        else if (offset === first.offset && TOKEN_CONTENT.has(first.name) && !TOKEN_CONTENT.has(name))
          first = { ...error, length: first.length };
      },
    },
    STRICT,
  );
  return first;
}

interface Described {
  offset: number;
  code: JsonSyntaxErrorCode;
  reason: string;
}

function describe(text: string, error: FirstError): Described {
  const { name, offset, length, container } = error;
  const token = text.slice(offset, offset + length);
  const found = offset >= text.length ? "the end of the text" : quote(token);
  const at = (code: JsonSyntaxErrorCode, reason: string, where = offset): Described => ({
    offset: where,
    code,
    reason,
  });
  const comma = trailingComma(text, offset);
  if (comma !== undefined) {
    const { line, column } = positionAt(text, comma);
    const close = text.charAt(offset);
    return at(
      "trailing_comma",
      `a comma before ${close} ends the ${close === "}" ? "object" : "array"}: JSON allows no trailing comma; remove the comma at line ${line}, column ${column}`,
    );
  }
  switch (name) {
    case "InvalidSymbol":
      // Editors on Windows may save a byte-order mark, which JSON.parse (and Desktop) refuse.
      if (offset === 0 && text.startsWith("\uFEFF"))
        return at(
          "byte_order_mark",
          "the text starts with a byte-order mark, which JSON refuses; save it as UTF-8 without BOM",
        );
      if (token.startsWith("'"))
        return at(
          "single_quotes",
          `${token.length > 24 ? found : token} is in single quotes; JSON strings and property names take double quotes`,
        );
      if (propertyNameExpected(text, offset, container))
        return at("property_name_expected", `expected a "double-quoted" property name, found ${found}`);
      if (token === "-" && valueExpected(text, offset, container))
        return at("bad_number", "a minus sign with no number after it", offset + 1);
      return at(
        "unexpected_token",
        `unexpected ${found}; JSON has "double-quoted" strings and property names, numbers, true, false, null, objects and arrays`,
      );
    case "InvalidCommentToken":
      return at("comment", "a comment; JSON has none, so remove it");
    case "UnexpectedEndOfString":
    case "InvalidCharacter":
    case "InvalidEscapeCharacter":
    case "InvalidUnicode":
      return stringProblem(text, offset, length);
    case "UnexpectedEndOfNumber":
      return at("bad_number", `the number ${quote(token)} ends where a digit should follow`, offset + length);
    case "InvalidNumberFormat":
      return at("bad_number", `${found} is not a JSON number`);
    case "CommaExpected":
      // `01` reads as the number 0 then the number 1.
      if (/\d/.test(text.charAt(offset)) && /(?:^|[^\d.eE+-])-?0$/.test(text.slice(Math.max(0, offset - 2), offset))) {
        return at("bad_number", "a number with a leading zero; JSON numbers have none (write 1, not 01)");
      }
      if (container !== undefined && (token === "}" || token === "]")) {
        const opened = positionAt(text, container.offset);
        const [what, close] = container.bracket === "{" ? ["object", "}"] : ["array", "]"];
        return at(
          "unclosed",
          `${found} cannot close the ${what} opened at line ${opened.line}, column ${opened.column}, which closes with ${close}`,
        );
      }
      return at(
        "comma_expected",
        `a comma is missing before ${found}, between two ${container?.bracket === "[" ? "items of an array" : "properties of an object"}`,
      );
    case "ColonExpected":
      return at("colon_expected", `expected ':' after the property name, found ${found}`);
    case "PropertyNameExpected":
      return at("property_name_expected", `expected a "double-quoted" property name, found ${found}`);
    case "ValueExpected":
      if (text.trim() === "") return at("empty", "the text is empty; JSON needs a value");
      return at("value_expected", `expected a value, found ${found}`);
    case "CloseBraceExpected":
    case "CloseBracketExpected": {
      const [close, what] = name === "CloseBraceExpected" ? ["}", "object"] : ["]", "array"];
      if (container === undefined) return at("unclosed", `expected ${close}, found ${found}`);
      const opened = positionAt(text, container.offset);
      return at(
        "unclosed",
        `the text ends before the ${what} opened at line ${opened.line}, column ${opened.column} is closed with ${close}`,
      );
    }
    case "EndOfFileExpected":
      return at("extra_content", `${found} after the end of the JSON value; a JSON text holds one value`);
    default:
      return at("unexpected_token", `unexpected ${found}`);
  }
}

/**
 * jsonc-parser reports a bad string as the whole string token (and, of two problems in it, the
 * last); a person fixing it needs the first offending character, where JSON.parse stops too. With
 * none inside, the string is unterminated, and its end is where the quote is missing.
 */
function stringProblem(text: string, offset: number, length: number): Described {
  const end = offset + length;
  for (let i = offset + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      const hex = code.toString(16).padStart(4, "0");
      return {
        offset: i,
        code: "bad_string",
        reason: `a control character (U+${hex.toUpperCase()}) inside a string; write it as an escape such as \\t, \\n or \\u${hex}`,
      };
    }
    if (code !== 0x5c) continue;
    const escaped = text.charAt(i + 1);
    if (escaped === "u") {
      for (let k = 2; k <= 5; k++) {
        if (!/[\da-fA-F]/.test(text.charAt(i + k))) {
          return {
            offset: i + k,
            code: "bad_string",
            reason: `${quote(text.slice(i, i + k + 1))} is not a JSON escape; \\u takes four hex digits`,
          };
        }
      }
    } else if (!'"\\/bfnrt'.includes(escaped)) {
      return {
        offset: i + 1,
        code: "bad_string",
        reason: `${quote(text.slice(i, i + 2))} is not a JSON escape; JSON has \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u with four hex digits`,
      };
    }
    i++;
  }
  const where = end >= text.length ? "text" : "line";
  return {
    offset: end,
    code: "bad_string",
    reason: `the string ${quote(text.slice(offset, end))} has no closing quote before the end of its ${where}`,
  };
}

/** Whether `offset`, in `container`, is where a property name goes: right after `{`, or after a `,` in an object. */
function propertyNameExpected(text: string, offset: number, container: Container | undefined): boolean {
  const before = text.charAt(previousNonSpace(text, offset));
  return container?.bracket === "{" && (before === "{" || before === ",");
}

/** Whether `offset`, in `container`, is where a value goes: first in the text, after `:` or `[`, or after a `,` in an array. */
function valueExpected(text: string, offset: number, container: Container | undefined): boolean {
  const before = previousNonSpace(text, offset);
  const char = text.charAt(before);
  return before < 0 || char === ":" || char === "[" || (char === "," && container?.bracket === "[");
}

/** Offset of a `,` that only whitespace separates from the `}` or `]` at `offset`. */
function trailingComma(text: string, offset: number): number | undefined {
  const close = text.charAt(offset);
  if (close !== "}" && close !== "]") return undefined;
  const before = previousNonSpace(text, offset);
  return text.charAt(before) === "," ? before : undefined;
}

function previousNonSpace(text: string, offset: number): number {
  let before = offset - 1;
  while (before >= 0 && " \t\r\n".includes(text.charAt(before))) before--;
  return before;
}

/** A token as a message shows it: in single quotes, cut to a readable length. */
function quote(token: string): string {
  return `'${token.length > 24 ? `${token.slice(0, 24)}…` : token}'`;
}
