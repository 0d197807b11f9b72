import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import { checkRepositoryPath } from "./repository-path.ts";
import type { Workspace, WorkspacePackage } from "./workspace.ts";

/** pnpm's own commands: what follows them is not a script name. */
const BUILTINS = new Set([
  "add",
  "approve-builds",
  "audit",
  "bin",
  "cache",
  "cat-file",
  "cat-index",
  "config",
  "create",
  "dedupe",
  "deploy",
  "dlx",
  "doctor",
  "env",
  "exec",
  "fetch",
  "find-hash",
  "help",
  "i",
  "ignored-builds",
  "import",
  "init",
  "install",
  "install-test",
  "it",
  "licenses",
  "link",
  "list",
  "ll",
  "ln",
  "la",
  "ls",
  "outdated",
  "pack",
  "patch",
  "patch-commit",
  "patch-remove",
  "prune",
  "publish",
  "rb",
  "rebuild",
  "remove",
  "rm",
  "root",
  "sbom",
  "self-update",
  "server",
  "setup",
  "store",
  "un",
  "uninstall",
  "unlink",
  "up",
  "update",
  "upgrade",
  "why",
  "x",
]);
/** Shorthands for `pnpm run <script>`. */
const RUN_ALIASES: Readonly<Record<string, string>> = { test: "test", t: "test", tst: "test", start: "start" };
/** Programs whose first operand is a script in the repository. */
export const SCRIPT_RUNNERS: ReadonlySet<string> = new Set(["node", "tsx", "bash", "sh"]);
/** Options that take a value as the next word. */
const VALUED = new Set([
  "--filter",
  "-F",
  "--dir",
  "-C",
  "--filter-prod",
  "--reporter",
  "--loglevel",
  "--workspace-concurrency",
  "--test-pattern",
  "--changed-files-ignore-pattern",
]);

export interface CommandContext {
  workspace: Workspace;
  /** The folder the command runs in, relative to the root ("" for the root). */
  cwd: string;
  /** The package whose README this is, if any. */
  ownPackage: WorkspacePackage | undefined;
  /** Extensions the page itself makes (`pnpm new-extension <name> --from <sample>`), by name, with their sample. */
  created: ReadonlyMap<string, string>;
}

function packageAt(workspace: Workspace, dir: string): WorkspacePackage | undefined {
  if (dir === "" || dir === ".") return workspace.rootPackage;
  return workspace.packages.find((candidate) => candidate.dir === dir);
}

function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\/]/g, "\\$&").replace(/\*/g, ".*")}$`);
}

/** The packages one `--filter` value selects, or undefined when it selects none the page could mean. */
function selectedBy(filter: string, context: CommandContext): WorkspacePackage[] | undefined {
  const { workspace } = context;
  const selector = filter
    .replace(/^\.\.\.\^?/, "")
    .replace(/\^?\.\.\.$/, "")
    .replace(/^\{(.*)\}$/, "$1");
  if (selector.startsWith(".")) {
    for (const base of [context.cwd, ""]) {
      const found = packageAt(workspace, posix.normalize(posix.join(base, selector)).replace(/\/$/, ""));
      if (found !== undefined) return [found];
    }
    return undefined;
  }
  const exact = globToRegExp(selector);
  let matches = workspace.packages.filter((candidate) => exact.test(candidate.name));
  if (matches.length === 0 && !selector.startsWith("@")) {
    const anyScope = globToRegExp(`@*/${selector}`);
    matches = workspace.packages.filter((candidate) => anyScope.test(candidate.name));
  }
  if (matches.length === 0) {
    const sample = context.created.get(selector);
    const stand = sample === undefined ? undefined : packageAt(workspace, `samples/${sample}`);
    if (stand !== undefined) return [stand];
  }
  return matches.length > 0 ? matches : undefined;
}

interface Target {
  candidates: WorkspacePackage[];
  /** How a message names them. */
  where: string;
  messages: string[];
}

/** The packages a command runs in: --filter, --dir, -w, -r, or the root and the page's package. */
function targetOf(
  options: { filters: string[]; dir: string | undefined; root: boolean; recursive: boolean },
  context: CommandContext,
): Target {
  const { workspace } = context;
  const rootName = "the root package.json";
  if (options.filters.length > 0) {
    const candidates: WorkspacePackage[] = [];
    const messages: string[] = [];
    for (const filter of options.filters) {
      if (filter.startsWith("!") || /[<>…]/.test(filter)) continue;
      const selected = selectedBy(filter, context);
      if (selected === undefined) messages.push(`\`--filter ${filter}\` selects no package of the workspace`);
      else candidates.push(...selected);
    }
    return { candidates, where: candidates.map((candidate) => candidate.name).join(", "), messages };
  }
  if (options.dir !== undefined) {
    if (/[<>…]/.test(options.dir)) return { candidates: [], where: "", messages: [] };
    // An absolute --dir in the docs stands for this repository's root (`pnpm -C /path/to/dext …`).
    const target = options.dir.startsWith("/")
      ? ""
      : posix.normalize(posix.join(context.cwd, options.dir)).replace(/\/$/, "");
    const found = packageAt(workspace, target === "." ? "" : target);
    if (found === undefined)
      return { candidates: [], where: "", messages: [`\`--dir ${options.dir}\` is no package of the workspace`] };
    return { candidates: [found], where: found === workspace.rootPackage ? rootName : found.name, messages: [] };
  }
  if (options.root) return { candidates: [workspace.rootPackage], where: rootName, messages: [] };
  if (options.recursive) return { candidates: workspace.packages, where: "any package of the workspace", messages: [] };
  const own = context.ownPackage === undefined ? [] : [context.ownPackage];
  const here = packageAt(workspace, context.cwd);
  return {
    candidates: [workspace.rootPackage, ...own, ...(here === undefined ? [] : [here])],
    where: [rootName, ...own.map((candidate) => candidate.name)].join(" or "),
    messages: [],
  };
}

/** `pnpm exec <bin> [script]`: the bin must be installed for one of the packages, a script it runs must exist beside it. */
function checkExec(args: readonly string[], target: Target, context: CommandContext): string[] {
  const operands = args.filter((word) => !word.startsWith("-"));
  const bin = operands[0];
  if (bin === undefined || /[<>…/]/.test(bin) || target.candidates.length === 0) return [];
  const dirs = target.candidates.map((candidate) => candidate.dir);
  // `pnpm exec node <file>` runs the Node on PATH (Node 24 runs .ts files as they are): no package installs it.
  if (
    bin !== "node" &&
    !dirs.some((dir) => existsSync(join(context.workspace.root, dir, "node_modules", ".bin", bin)))
  ) {
    return [`\`pnpm exec ${bin}\`: no "${bin}" binary is installed for ${target.where}`];
  }
  const script = operands[1];
  if (
    SCRIPT_RUNNERS.has(bin) &&
    script !== undefined &&
    checkRepositoryPath(context.workspace.root, script, dirs) === "missing"
  ) {
    return [`\`${bin} ${script}\`: no such file in ${target.where}`];
  }
  return [];
}

/** What is wrong with one `pnpm …` command (words after `pnpm`), as messages; [] when nothing is. */
export function checkPnpmCommand(args: readonly string[], context: CommandContext): string[] {
  const options = { filters: [] as string[], dir: undefined as string | undefined, root: false, recursive: false };
  let index = 0;
  for (; index < args.length; index++) {
    const word = args[index] ?? "";
    if (!word.startsWith("-")) break;
    const [flag, inline] = word.includes("=")
      ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)]
      : [word, undefined];
    const value = VALUED.has(flag) ? (inline ?? args[++index] ?? "") : undefined;
    if (flag === "--filter" || flag === "-F" || flag === "--filter-prod") options.filters.push(value ?? "");
    else if (flag === "--dir" || flag === "-C") options.dir = value;
    else if (flag === "-w" || flag === "--workspace-root") options.root = true;
    else if (flag === "-r" || flag === "--recursive") options.recursive = true;
  }
  let command = args[index];
  if (command === undefined || /[<>…]/.test(command)) return [];
  if (command === "exec") {
    const target = targetOf(options, context);
    return [...target.messages, ...checkExec(args.slice(index + 1), target, context)];
  }
  if (command === "run" || command === "run-script") {
    command = args.slice(index + 1).find((word) => !word.startsWith("-"));
    if (command === undefined || /[<>…]/.test(command)) return [];
  } else if (Object.hasOwn(RUN_ALIASES, command)) {
    command = RUN_ALIASES[command] ?? command;
  } else if (BUILTINS.has(command)) {
    return [];
  }
  const script = command;
  const target = targetOf(options, context);
  if (target.candidates.length === 0) return target.messages;
  if (target.candidates.some((candidate) => candidate.scripts.has(script))) return target.messages;
  return [...target.messages, `\`pnpm ${script}\`: "${script}" is not a script of ${target.where}`];
}
