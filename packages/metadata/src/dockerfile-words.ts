import { append } from "./append.ts";
import { MAX_EXPANDED_LENGTH } from "./input-limits.ts";

/** A variable's value, or undefined when the Dockerfile leaves it unset at that point. */
export type VariableLookup = (name: string) => string | undefined;

export interface Expansion {
  value: string;
  /** Variables that expanded to nothing because they were unset (plain `$X` / `${X}` only). */
  unresolved: string[];
  /** The value reached MAX_EXPANDED_LENGTH and was cut there. */
  truncated?: true;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /\w/;
// Defaults may nest (`${A:-${B:-c}}`); past this depth the text is kept literally.
const MAX_DEPTH = 16;

/**
 * Removes quotes and escapes from one Dockerfile word and substitutes `$VAR`, `${VAR}` and
 * `${VAR:-word}`-style variables, as BuildKit does for ARG, ENV, LABEL, COPY, ADD and WORKDIR.
 * Single quotes keep `$` literal; inside double quotes the escape character only escapes `"`, `$`
 * and itself.
 */
export function expandWord(raw: string, lookup: VariableLookup, escapeChar = "\\", depth = 0): Expansion {
  const unresolved: string[] = [];
  let value = "";
  let quote: "'" | '"' | undefined;
  let i = 0;
  let closing: Map<number, number> | undefined;
  while (i < raw.length) {
    // Checked once per step: a value that doubles on every ARG line would otherwise reach V8's string limit.
    if (value.length > MAX_EXPANDED_LENGTH)
      return { value: value.slice(0, MAX_EXPANDED_LENGTH), unresolved, truncated: true };
    const char = raw.charAt(i);
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else value += char;
      i++;
    } else if (char === escapeChar && i + 1 < raw.length) {
      const next = raw.charAt(i + 1);
      const escapes = quote === undefined || next === '"' || next === "$" || next === escapeChar;
      value += escapes ? next : char + next;
      i += 2;
    } else if ((char === "'" && quote === undefined) || (char === '"' && quote === undefined)) {
      quote = char;
      i++;
    } else if (char === '"' && quote === '"') {
      quote = undefined;
      i++;
    } else if (char === "$" && depth < MAX_DEPTH) {
      closing ??= braceMatches(raw, escapeChar);
      const variable = readVariable(raw, i, { lookup, escapeChar, depth, closing });
      value += variable.value;
      append(unresolved, variable.unresolved);
      i = variable.end;
      if (variable.truncated === true)
        return { value: value.slice(0, MAX_EXPANDED_LENGTH), unresolved, truncated: true };
    } else {
      value += char;
      i++;
    }
  }
  if (value.length > MAX_EXPANDED_LENGTH)
    return { value: value.slice(0, MAX_EXPANDED_LENGTH), unresolved, truncated: true };
  return { value, unresolved };
}

interface VariableRead extends Expansion {
  end: number;
}

interface ReadContext {
  lookup: VariableLookup;
  escapeChar: string;
  depth: number;
  /** Index of each "{" to its matching "}", computed once per word. */
  closing: ReadonlyMap<number, number>;
}

function readVariable(raw: string, start: number, context: ReadContext): VariableRead {
  const { lookup } = context;
  const literal: VariableRead = { value: "$", unresolved: [], end: start + 1 };
  if (raw.charAt(start + 1) === "{") return readBraced(raw, start, context) ?? literal;
  if (!NAME_START.test(raw.charAt(start + 1))) return literal;
  let end = start + 2;
  while (end < raw.length && NAME_CHAR.test(raw.charAt(end))) end++;
  const name = raw.slice(start + 1, end);
  const found = lookup(name);
  return { value: found ?? "", unresolved: found === undefined ? [name] : [], end };
}

function readBraced(raw: string, start: number, context: ReadContext): VariableRead | undefined {
  const { lookup, escapeChar, depth } = context;
  let i = start + 2;
  while (i < raw.length && NAME_CHAR.test(raw.charAt(i))) i++;
  const name = raw.slice(start + 2, i);
  if (name === "" || !NAME_START.test(name.charAt(0))) return undefined;
  const operator = /^(:?[-+?])/.exec(raw.slice(i))?.[1] ?? "";
  i += operator.length;
  const close = context.closing.get(start + 1);
  if (close === undefined || close < i || (operator === "" && close !== i)) return undefined;
  const word = raw.slice(i, close);
  const found = lookup(name);
  const end = close + 1;
  if (operator === "") return { value: found ?? "", unresolved: found === undefined ? [name] : [], end };

  const isSet = found !== undefined && (!operator.startsWith(":") || found !== "");
  const alternative = (): Expansion => expandWord(word, lookup, escapeChar, depth + 1);
  switch (operator.slice(-1)) {
    case "-":
      return isSet ? { value: found, unresolved: [], end } : { ...alternative(), end };
    case "+":
      return isSet ? { ...alternative(), end } : { value: "", unresolved: [], end };
    default:
      // `${X:?message}` fails the build when X is unset; report X as unresolved.
      return isSet ? { value: found, unresolved: [], end } : { value: "", unresolved: [name], end };
  }
}

/** Pairs every "{" with its "}" in one pass (escaped braces skipped), so hostile input stays linear. */
function braceMatches(raw: string, escapeChar: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charAt(i);
    if (char === escapeChar) i++;
    else if (char === "{") open.push(i);
    else if (char === "}") {
      const start = open.pop();
      if (start !== undefined) pairs.set(start, i);
    }
  }
  return pairs;
}

/** Splits shell-form arguments on unquoted white space, keeping quotes for expandWord. */
export function splitWords(text: string, escapeChar = "\\"): string[] {
  const words: string[] = [];
  let word = "";
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote === undefined && /\s/.test(char)) {
      if (word !== "") words.push(word);
      word = "";
      continue;
    }
    if (char === escapeChar && quote !== "'" && i + 1 < text.length) {
      word += char + text.charAt(i + 1);
      i++;
      continue;
    }
    if (quote === undefined && (char === "'" || char === '"')) quote = char;
    else if (char === quote) quote = undefined;
    word += char;
  }
  if (word !== "") words.push(word);
  return words;
}

/**
 * The exec form `["a", "b c"]` of COPY, ADD, CMD, ENTRYPOINT and SHELL, or undefined for the shell form.
 * Docker reads a `[` line that is not JSON as the shell form, without an error, so JSON.parse's yes
 * or no is all this needs.
 */
export function execForm(text: string): string[] | undefined {
  if (!text.trimStart().startsWith("[")) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : undefined;
  } catch {
    return undefined;
  }
}
