import { splitCommandLine } from "@dext/desktop-facts";

/**
 * Characters that make a shell-form CMD more than one command with words: operators, expansions,
 * redirections, globs, comments. Without any of them, `sh -c "<words>"` runs exactly `<words>`.
 */
const shellSyntax = /[;&|<>$`(){}*?[\]~#\n]/;

/** A shell-form command (`/bin/sh -c <text>`, which Docker makes of `CMD text`), or undefined. */
export function shellFormText(command: readonly string[]): string | undefined {
  const [shell, flag, text, ...rest] = command;
  return (shell === "/bin/sh" || shell === "sh") && flag === "-c" && text !== undefined && rest.length === 0
    ? text
    : undefined;
}

/**
 * What folder mode runs for a shell-form CMD, whose paths are in the text rather than in words of
 * their own (`CMD node /server.js --socket /run/guest-services/x.sock`, the form Docker's own
 * extension template writes). Plain words become the command itself, each path mapped as an
 * exec-form word is, and no shell runs: this machine's shell is not the image's. A text with shell
 * syntax still runs through `sh -c`, with each whole-word absolute path in it mapped and quoted.
 */
export async function folderShellCommand(text: string, mapPath: (word: string) => Promise<string>): Promise<string[]> {
  if (!shellSyntax.test(text)) {
    try {
      // sh -c reads the text by POSIX shell quoting, not by a Dockerfile's word rules: Desktop's splitter is that one.
      return await Promise.all(splitCommandLine(text).map(mapPath));
    } catch {
      // An unterminated quote: the shell reports it, as it would in the container.
    }
  }
  // Whole words only (after a space or at the start, unquoted), so text inside quotes or
  // arguments such as --socket=/x stay as written.
  const paths = [...text.matchAll(/(?<=^|\s)\/[^\s;&|<>'"$`()]*/g)].map((match) => match[0]);
  let mapped = text;
  for (const path of new Set(paths)) {
    const target = await mapPath(path);
    if (target === path) continue;
    mapped = mapped.replace(new RegExp(`(?<=^|\\s)${escapeRegExp(path)}(?=$|[\\s;&|<>)])`, "g"), quoteForShell(target));
  }
  return ["/bin/sh", "-c", mapped];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function quoteForShell(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
