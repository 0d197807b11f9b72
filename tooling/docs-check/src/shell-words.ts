/**
 * A command line cut into simple commands (at `&&`, `||`, `;`, `|`, `$(`, `)`, backticks), each
 * a list of words with quotes removed and `NAME=value` prefixes dropped. Not a shell parser: enough
 * for the one-line commands docs show. A `#` that starts a word starts a comment.
 */
export function simpleCommands(line: string): string[][] {
  const commands: string[][] = [];
  const withoutComment = line.replace(/(^|\s)#.*$/, "");
  for (const part of withoutComment.split(/&&|\|\||;|\||\$\(|\)|`/)) {
    const words = (part.match(/"[^"]*"|'[^']*'|\S+/g) ?? [])
      .map((word) => word.replace(/^["']|["']$/g, ""))
      .filter((word) => word !== "");
    while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] ?? "")) words.shift();
    if (words[0] === "eval" || words[0] === "time" || words[0] === "sudo") words.shift();
    if (words.length > 0) commands.push(words);
  }
  return commands;
}
