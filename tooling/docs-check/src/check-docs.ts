import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { checkMakeCommand } from "./make-command.ts";
import { markdownReferences } from "./markdown.ts";
import type { Reference } from "./markdown.ts";
import { checkPnpmCommand, SCRIPT_RUNNERS } from "./pnpm-command.ts";
import type { CommandContext } from "./pnpm-command.ts";
import { checkRepositoryPath, missingLinkTarget } from "./repository-path.ts";
import { repositoryFiles } from "./repository-files.ts";
import { simpleCommands } from "./shell-words.ts";
import { loadWorkspace } from "./workspace.ts";
import type { Workspace } from "./workspace.ts";

export interface Finding {
  /** The page, relative to the root. */
  file: string;
  line: number;
  message: string;
}

/** `pnpm new-extension <name> --from <sample>` anywhere on the page: names it may then use as packages and folders. */
function createdExtensions(references: readonly Reference[]): Map<string, string> {
  const created = new Map<string, string>();
  for (const reference of references) {
    if (reference.kind === "link") continue;
    for (const words of simpleCommands(reference.text)) {
      if (words[0] !== "pnpm" || words[1] !== "new-extension") continue;
      const name = words.slice(2).find((word) => !word.startsWith("-"));
      const from = words[words.indexOf("--from") + 1];
      if (name !== undefined && words.includes("--from") && from !== undefined) created.set(name, from);
    }
  }
  return created;
}

/** `samples/<made on the page>/…` read as the sample it was made from. */
function asSample(word: string, created: ReadonlyMap<string, string>): string {
  const match = /^(\.\/)?samples\/([^/]+)(\/.*)?$/.exec(word);
  const from = match === null ? undefined : created.get(match[2] ?? "");
  return from === undefined ? word : `samples/${from}${match?.[3] ?? ""}`;
}

function ownPackageOf(workspace: Workspace, pageDir: string): CommandContext["ownPackage"] {
  let best: CommandContext["ownPackage"];
  for (const candidate of workspace.packages) {
    if (
      (pageDir === candidate.dir || pageDir.startsWith(`${candidate.dir}/`)) &&
      (best === undefined || candidate.dir.length > best.dir.length)
    )
      best = candidate;
  }
  return best;
}

/** The findings of one page (`file` relative to the root, `text` its contents). */
function checkDocument(workspace: Workspace, file: string, text: string): Finding[] {
  const { root } = workspace;
  const pageDir = posix.dirname(file) === "." ? "" : posix.dirname(file);
  const references = markdownReferences(text);
  const created = createdExtensions(references);
  const ownPackage = ownPackageOf(workspace, pageDir);
  const bases = [...new Set([pageDir, ownPackage?.dir ?? "", ""])];
  const findings: Finding[] = [];
  const report = (line: number, message: string) => findings.push({ file, line, message });
  const checkPath = (line: number, word: string, from: readonly string[]) => {
    if (checkRepositoryPath(root, asSample(word, created), from) === "missing")
      report(line, `\`${word}\` names a path that does not exist`);
  };

  for (const reference of references) {
    if (reference.kind === "link") {
      const missing = missingLinkTarget(root, pageDir, reference.target);
      if (missing !== undefined) report(reference.line, `link to ${missing}, which does not exist`);
      continue;
    }
    if (reference.kind === "span" && !/\s/.test(reference.text)) {
      checkPath(reference.line, reference.text, bases);
      continue;
    }
    // A command line: `cd` moves the commands after it on the same line.
    let cwd = pageDir;
    for (const words of simpleCommands(reference.text)) {
      const [program = "", ...args] = words;
      const context: CommandContext = { workspace, cwd, ownPackage, created };
      const here = [...new Set([cwd, ...bases])];
      if (program === "cd" && args[0] !== undefined) {
        const target = posix.normalize(posix.join(cwd, asSample(args[0], created)));
        if (!target.startsWith("..") && !target.startsWith("/")) cwd = target === "." ? "" : target;
      } else if (program === "pnpm") {
        for (const message of checkPnpmCommand(args, context)) report(reference.line, message);
      } else if (program === "make") {
        for (const message of checkMakeCommand(args, context)) report(reference.line, message);
      } else if (SCRIPT_RUNNERS.has(program)) {
        const script = args.find((word) => !word.startsWith("-"));
        if (script !== undefined) checkPath(reference.line, script, here);
      } else if (program.includes("/")) {
        checkPath(reference.line, program, here);
      }
    }
  }
  return findings;
}

/** Every README.md and docs/**.md of the repository at `root`, checked against the repository. */
export async function checkDocs(root: string): Promise<Finding[]> {
  const files = await repositoryFiles(root);
  const workspace = await loadWorkspace(root, files.makefiles);
  const findings: Finding[] = [];
  for (const file of files.docs)
    findings.push(...checkDocument(workspace, file, await readFile(join(root, file), "utf8")));
  return findings;
}

/** `file:line: message`, one a line. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.file}:${String(finding.line)}: ${finding.message}\n`).join("");
}
