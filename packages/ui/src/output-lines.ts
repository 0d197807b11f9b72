/** Which stream of a command a line came from. */
export type OutputStream = "stdout" | "stderr";

/** One line of a command's output, as `<ExecOutput>` shows it. `id` is stable: use it as a React key. */
export interface OutputLine {
  readonly id: number;
  readonly stream: OutputStream;
  /** The line without its line break; ANSI escape codes are kept for the view to render. */
  readonly text: string;
}

/** Text split into lines; a trailing line break does not add an empty last line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * Turns raw chunks, cut at arbitrary points (Desktop's default for streamed exec), into whole
 * lines: a partial last line waits for the next chunk or for `flush()` when the process ends.
 */
export interface LineAssembler {
  push(chunk: string): string[];
  flush(): string[];
}

export function createLineAssembler(): LineAssembler {
  let partial = "";
  return {
    push(chunk) {
      const text = partial + chunk;
      const lines = text.split(/\r?\n/);
      partial = lines.pop() ?? "";
      return lines;
    },
    flush() {
      const rest = partial;
      partial = "";
      return rest === "" ? [] : [rest];
    },
  };
}

/** Plain text for the clipboard: one line per line, ANSI escape codes removed. */
export function outputText(lines: readonly OutputLine[]): string {
  return lines.map((line) => stripAnsi(line.text)).join("\n");
}

/**
 * An escape sequence: CSI (ESC [ params final: colours, cursor moves, erase; group 1 the params,
 * 2 the final), OSC (ESC ] ... BEL or ST: titles, links) or another escape (ESC 7 saves the
 * cursor; ESC ( B, which `tput sgr0` prints, picks a character set). Here, not in ansi.ts, so that
 * stripping escapes does not bring the colour parser into a tab's first view.
 */
export const ansiEscapePattern =
  // eslint-disable-next-line no-control-regex
  /\u001b\[([0-?]*)[ -/]*([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[ -/]*[0-Z\\^-~]/g;

export function stripAnsi(text: string): string {
  return text.replace(ansiEscapePattern, "");
}
