/** What a docs page names, in the three places a name can be: code spans, links and shell blocks. */
export type Reference =
  /** An inline code span's text: a path, a package, a command (`pnpm --filter x test`). */
  | { kind: "span"; text: string; line: number }
  /** A link target, relative to the page (GitHub's rule) or absolute (`https://…`). */
  | { kind: "link"; target: string; line: number }
  /** One command line of a fenced block that holds commands (sh, bash, shell, console or no language). */
  | { kind: "shell"; text: string; line: number };

const SHELL_LANGUAGES = new Set(["", "sh", "bash", "shell", "console", "zsh"]);
const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/;
const CODE_SPAN = /(`+)(.+?)\1/g;
const LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
/** `<!-- docs-check: ignore-next-line <why> -->`: the next line names things of another project (a generated one). */
const IGNORE_NEXT_LINE = /<!--\s*docs-check:\s*ignore-next-line\b[^>]*-->/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/;

/** The references of a Markdown document, each with its 1-based line. */
export function markdownReferences(text: string): Reference[] {
  const references: Reference[] = [];
  const lines = text.split(/\r?\n/);
  let fence: { marker: string; shell: boolean } | undefined;
  let pending = "";
  let pendingLine = 0;
  let ignoredLine = 0;
  lines.forEach((line, index) => {
    const number = index + 1;
    if (number === ignoredLine) return;
    if (fence !== undefined) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, "") === "") {
        fence = undefined;
        return;
      }
      if (!fence.shell) return;
      // A trailing backslash continues the command on the next line.
      const body = (pending === "" ? "" : `${pending} `) + line.trim().replace(/^\$\s+/, "");
      if (pending === "") pendingLine = number;
      if (body.endsWith("\\")) {
        pending = body.slice(0, -1).trim();
        return;
      }
      pending = "";
      if (body !== "") references.push({ kind: "shell", text: body, line: pendingLine });
      return;
    }
    const opening = FENCE.exec(line);
    if (opening !== null) {
      const marker = opening[1] ?? "```";
      fence = { marker, shell: SHELL_LANGUAGES.has((opening[2] ?? "").toLowerCase()) };
      return;
    }
    if (IGNORE_NEXT_LINE.test(line)) {
      ignoredLine = number + 1;
      return;
    }
    for (const match of line.matchAll(CODE_SPAN)) {
      const span = (match[2] ?? "").trim();
      if (span !== "") references.push({ kind: "span", text: span, line: number });
    }
    const prose = line.replace(CODE_SPAN, " ");
    for (const match of prose.matchAll(LINK)) references.push({ kind: "link", target: match[1] ?? "", line: number });
    const definition = REFERENCE_DEFINITION.exec(prose);
    if (definition !== null) references.push({ kind: "link", target: definition[1] ?? "", line: number });
  });
  return references;
}
