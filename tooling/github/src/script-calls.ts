/** A repository script one shell line runs, as written there (`tooling/docker/test-images.sh`, `pnpm test`). */
export interface ScriptCall {
  command: string;
  /** 1-based, in the text it was read from. */
  line: number;
}

/** pnpm's own commands: `pnpm install` or `pnpm exec` runs no script of the repository's. */
const PNPM_COMMANDS = new Set(["install", "i", "add", "remove", "update", "exec", "dlx", "fetch", "store", "config"]);
const REPO_PATH = /^(?:\.\/)?([\w.-]+(?:\/[\w.-]+)+)$/;

/**
 * What a line runs, unwrapped from the shapes .ci/run and the workflows use: `NAME=$(script)`,
 * `eval "$(script)"` and leading `NAME=value` assignments. Only the first command of the line:
 * a script named inside a string or after `then` (a cleanup step put in a list) is not run there.
 */
function callOn(lineText: string): string | undefined {
  let text = lineText.trim();
  const wrapped = /^(?:eval\s+"\$\((.*)\)"|[A-Za-z_]\w*=\$\((.*)\))/.exec(text);
  if (wrapped !== null) text = (wrapped[1] ?? wrapped[2] ?? "").trim();
  while (/^[A-Za-z_]\w*=\S*\s/.test(text)) text = text.replace(/^[A-Za-z_]\w*=\S*\s+/, "");
  // The command ends at a comment, a redirection, a pipe, a list operator or a closing parenthesis.
  const words = (text.split(/\s+#|[;&|<>)]/)[0] ?? "").trim().split(/\s+/);
  const [first = "", second = ""] = words;
  const path = REPO_PATH.exec(first)?.[1];
  if (path !== undefined) return [path, ...words.slice(1)].join(" ");
  if (first === "pnpm" && /^[a-z][\w:-]*$/.test(second) && !PNPM_COMMANDS.has(second)) return words.join(" ");
  return undefined;
}

/**
 * The repository scripts a shell text runs, in order: each line whose first command is a path
 * into the repository (`./tooling/scripts/bootstrap.sh`, `tooling/docker/make-node-image.sh
 * --platform linux/arm64`) or a root `pnpm` script (`pnpm test`), with its arguments. Lines ending
 * in `\` are joined first. Hand-written: only each line's first command counts, which a full
 * shell parser's syntax tree would not make shorter to find.
 */
export function scriptCalls(text: string, firstLine = 1): ScriptCall[] {
  const calls: ScriptCall[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const start = index;
    let joined = lines[index] ?? "";
    while (joined.endsWith("\\") && index + 1 < lines.length) {
      index += 1;
      joined = `${joined.slice(0, -1)} ${lines[index] ?? ""}`;
    }
    if (/^\s*#/.test(joined)) continue;
    const command = callOn(joined);
    if (command !== undefined) calls.push({ command, line: firstLine + start });
  }
  return calls;
}
