import { basename, extname } from "node:path";
import { NewExtensionError } from "./errors.ts";

/**
 * Characters no file format here can carry safely, or that would hide what the title says: control
 * characters (newlines and tabs included), line and paragraph separators, and bidirectional
 * overrides, which can make a title read differently from what it is.
 */
const UNREPRESENTABLE = /[\p{Cc}\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

/** Safe as they are wherever a title can land, quoted or not (no `$`, `#`, `:`, quotes, `<`, `\`...). */
const PLAIN = /^[\p{L}\p{N} ._,!?()+-]*$/u;

/** Refuses a `--title` that no escaping can represent; run before anything is written. */
export function checkTitleCharacters(title: string): void {
  const bad = UNREPRESENTABLE.exec(title);
  if (bad !== null) {
    const code = `U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    throw new NewExtensionError(
      "INVALID_TITLE",
      `--title has the character ${code} (a newline, tab, control or direction character), which a title cannot hold; use a single line of visible text`,
    );
  }
  if (title !== title.trim())
    throw new NewExtensionError("INVALID_TITLE", "--title starts or ends with spaces; leave them out");
  // A lone surrogate (from a broken terminal or argument) has no UTF-8 form to write.
  if (/\p{Cs}/u.test(title)) throw new NewExtensionError("INVALID_TITLE", "--title is not valid Unicode text");
}

const inJson = (title: string): string => JSON.stringify(title).slice(1, -1);
// Numeric for the apostrophe: HTML, XML, SVG and JSX all decode &#39;, not all know &apos;.
const inMarkup = (title: string): string =>
  title.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
// CommonMark lets a backslash escape any ASCII punctuation, so `*`, `_`, `<`, `[` and `` ` `` stay text.
const inMarkdown = (title: string): string => title.replace(/[!-/:-@[-`{-~]/g, "\\$&");
const inSingleQuotes = (title: string): string => title.replace(/[\\']/g, "\\$&");
const inTemplate = (title: string): string => title.replace(/[\\`]|\$\{/g, "\\$&");
// Inside a Dockerfile's double quotes the escape character escapes only `"`, `$` and itself.
const inDockerfileQuotes = (title: string): string => title.replace(/[\\"$]/g, "\\$&");

/** Whether `at` is inside double quotes on its line (quotes escaped with a backslash do not count). */
function insideDoubleQuotes(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf("\n", at - 1) + 1, at);
  return (line.replace(/\\./g, "").match(/"/g)?.length ?? 0) % 2 === 1;
}

type Escape = (title: string) => string;

/** How the occurrence of the sample's title at `at` in `file` must spell the new title, or undefined if only a plain one fits there. */
function escapeFor(file: string, text: string, at: number): Escape | undefined {
  const name = basename(file);
  const ext = extname(name).toLowerCase();
  const before = text.charAt(at - 1);
  if (ext === ".json") return inJson;
  if ([".html", ".htm", ".svg", ".xml"].includes(ext)) return inMarkup;
  if (ext === ".md") return inMarkdown;
  if ([".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"].includes(ext)) {
    // A JSX attribute (`title="..."`) takes HTML entities, not backslashes.
    if ((ext === ".tsx" || ext === ".jsx") && text.slice(at - 2, at) === '="') return inMarkup;
    if (before === '"') return inJson;
    if (before === "'") return inSingleQuotes;
    if (before === "`") return inTemplate;
    return undefined;
  }
  if (name.startsWith("Dockerfile") || ext === ".dockerfile") {
    // Another escape character changes every rule below: only a plain title then.
    if (/^#\s*escape\s*=/im.test(text)) return undefined;
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    if (text.slice(lineStart, at).trimStart().startsWith("#")) return (title) => title;
    return insideDoubleQuotes(text, at) ? inDockerfileQuotes : undefined;
  }
  // YAML's double-quoted scalars take JSON's escapes; anywhere else in YAML, and in Makefiles and
  // shell scripts (`$`, `#`, `:` all mean something there), only a plain title is safe.
  if ((ext === ".yaml" || ext === ".yml") && before === '"') return inJson;
  return undefined;
}

/**
 * The new title as it must be written at offset `at` of `file` (where the sample's title was), so
 * that the file still parses and reads back the exact title. A title with characters that context
 * cannot carry is refused, naming the file.
 */
export function titleAt(file: string, text: string, at: number, title: string): string {
  const escape = escapeFor(file, text, at);
  if (escape !== undefined) return escape(title);
  if (PLAIN.test(title)) return title;
  throw new NewExtensionError(
    "INVALID_TITLE",
    `--title "${title}" would land unquoted in ${file}, where only letters, digits, spaces and . _ , ! ? ( ) + - are safe; choose a plainer title`,
  );
}
