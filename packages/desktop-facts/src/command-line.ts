/** A command line Desktop's rules cannot split: an unterminated quote, a lone backslash, no command. */
export class CommandLineError extends Error {
  override readonly name = "CommandLineError";
  readonly code = "bad_command_line" as const;
}

/** Inside double quotes a backslash escapes only these, as in a POSIX shell; before others it stays. */
const escapableInDoubleQuotes = new Set(["$", "`", '"', "\\", "\n"]);

/**
 * Splits a command line into words by a POSIX shell's quoting rules, and by nothing else: blanks
 * separate words, single quotes keep everything literally, double quotes group (a backslash
 * escapes only `$`, backquote, `"`, `\` and newline there), a backslash outside quotes escapes
 * the next character and a backslash-newline joins lines. `""` and `''` are empty words. There is
 * no expansion and no operator: `$(id)`, `;`, `|`, `&&`, `>`, `*` and `~` stay literal text.
 * (Dockerfiles quote differently: there a backslash escapes anything; the host's Dockerfile reader
 * has its own splitter.)
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === "\\" && escapableInDoubleQuotes.has(line.charAt(i + 1))) {
        const next = line.charAt(++i);
        if (next !== "\n") current += next;
      } else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === "\\") {
      if (i + 1 >= line.length)
        throw new CommandLineError(`The command line ends with a lone backslash: ${preview(line)}`);
      const next = line.charAt(++i);
      if (next !== "\n") {
        current += next;
        inWord = true;
      }
    } else if (char === " " || char === "\t" || char === "\n") {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote !== undefined)
    throw new CommandLineError(`Unterminated ${quote} quote in the command line: ${preview(line)}`);
  if (inWord) words.push(current);
  return words;
}

function preview(line: string): string {
  return JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line);
}

/**
 * The words an exec runs, as Docker Desktop makes them: the command and its arguments joined by
 * spaces into one command line, then split by shell quoting rules without a shell. So
 * `exec("ps", ["--format", "\"{{json .}}\""])` runs `ps --format {{json .}}`, `exec("network ls")`
 * runs `network ls`, and an argument with a space is two words unless it is quoted.
 */
export function desktopCommandWords(cmd: string, args: readonly string[]): { cmd: string; args: string[] } {
  const [first, ...rest] = splitCommandLine([cmd, ...args].join(" "));
  if (first === undefined || first === "")
    throw new CommandLineError(`No command to run in ${preview([cmd, ...args].join(" "))}`);
  return { cmd: first, args: rest };
}

/** Words a shell reads as themselves: left as they are, so simple calls look as written. */
const plainWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One argument quoted so that Desktop's join-and-split gives it back exactly: as it is when it
 * is plain, else in single quotes, inside which only `'` itself is special (closed, escaped,
 * reopened). The same quoting pastes safely into a POSIX shell.
 */
export function quoteForDesktop(argument: string): string {
  return plainWord.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}

/** Every argument quoted (see quoteForDesktop), so each element arrives as one argument, intact. */
export function desktopArguments(args: readonly string[]): string[] {
  return args.map(quoteForDesktop);
}
