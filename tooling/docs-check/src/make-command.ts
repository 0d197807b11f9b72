import { posix } from "node:path";
import type { CommandContext } from "./pnpm-command.ts";

/** What is wrong with one `make …` command (words after `make`), as messages; [] when nothing is. */
export function checkMakeCommand(args: readonly string[], context: CommandContext): string[] {
  const { makefiles } = context.workspace;
  let dir: string | undefined;
  const targets: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const word = args[index] ?? "";
    if (word === "-C" || word === "--directory") dir = args[++index] ?? "";
    else if (word.startsWith("--directory=")) dir = word.slice("--directory=".length);
    else if (word.startsWith("-C")) dir = word.slice(2);
    else if (word === "-f" || word === "-j" || word === "-l" || word === "-o" || word === "-W") index++;
    else if (!word.startsWith("-") && !word.includes("=") && !/[<>…]/.test(word)) targets.push(word);
  }
  if (targets.length === 0 || (dir !== undefined && /[<>…]/.test(dir))) return [];

  let defined: ReadonlySet<string> | undefined;
  let where: string | undefined;
  if (dir !== undefined) {
    const folder = posix.normalize(posix.join(context.cwd, dir)).replace(/\/$/, "");
    defined = makefiles.get(folder === "." ? "" : folder);
    if (defined === undefined) return [`\`make -C ${dir}\`: there is no ${folder}/Makefile`];
    where = `${folder}/Makefile`;
  } else {
    // The Makefile nearest the page's folder, as `make` run there would find it.
    for (let folder = context.cwd; ; folder = folder.includes("/") ? folder.slice(0, folder.lastIndexOf("/")) : "") {
      defined = makefiles.get(folder);
      if (defined !== undefined) {
        where = folder === "" ? "Makefile" : `${folder}/Makefile`;
        break;
      }
      if (folder === "") break;
    }
  }
  const messages: string[] = [];
  for (const target of targets) {
    const known = defined === undefined ? [...makefiles.values()].some((set) => set.has(target)) : defined.has(target);
    if (!known)
      messages.push(`\`make ${target}\`: no target "${target}" in ${where ?? "any Makefile of the repository"}`);
  }
  return messages;
}
