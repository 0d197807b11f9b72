import { parseArgs } from "node:util";
import { NewExtensionError } from "./errors.ts";

export const USAGE = `Usage: pnpm new-extension <name> --from <sample> [--standalone <dir>] [--title "Tab title"] [--image org/name] [--no-install]

Copies samples/<sample> to samples/<name> and renames everything that carries the sample's identity:
package name, image name (Makefile, labels), tab title, socket name. Then links it into the workspace.
With --standalone, writes a project of its own to <dir> instead, with the dext packages it uses
packed into <dir>/vendor, and installs it there.
Exit codes: 0 created, 1 created but install failed, 2 refused (nothing written).`;

export interface CommandLine {
  help: boolean;
  name: string;
  from: string;
  title: string | undefined;
  image: string | undefined;
  standalone: string | undefined;
  install: boolean;
}

const STRING_OPTIONS = ["from", "title", "image", "standalone"] as const;
const BOOLEAN_OPTIONS = ["no-install", "help", "h"] as const;

/**
 * Reads the arguments, refusing every problem at once (unknown flags, a flag without its value or
 * given twice, a missing or second name, no --from) before anything looks at the disk.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const { values, positionals, tokens } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: {
      from: { type: "string" },
      title: { type: "string" },
      image: { type: "string" },
      standalone: { type: "string" },
      "no-install": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true)
    return { help: true, name: "", from: "", title: undefined, image: undefined, standalone: undefined, install: true };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const known =
      (STRING_OPTIONS as readonly string[]).includes(token.name) ||
      (BOOLEAN_OPTIONS as readonly string[]).includes(token.name);
    if (!known) problems.push(`unknown option ${token.rawName}`);
    else if (
      (STRING_OPTIONS as readonly string[]).includes(token.name) &&
      (token.value === undefined || token.value.startsWith("--"))
    )
      problems.push(`${token.rawName} needs a value`);
    else if ((BOOLEAN_OPTIONS as readonly string[]).includes(token.name) && token.value !== undefined)
      problems.push(`${token.rawName} takes no value`);
    if (known && seen.has(token.name)) problems.push(`${token.rawName} is given twice`);
    seen.add(token.name);
  }
  const [name, ...extra] = positionals;
  if (name === undefined) problems.push("a name is required");
  if (extra.length > 0) problems.push(`one name only, got ${positionals.join(" ")}`);
  if (values.from === undefined) problems.push("--from <sample> is required");
  if (problems.length > 0) throw new NewExtensionError("USAGE", `${problems.join("; ")}\n\n${USAGE}`);
  const text = (value: string | boolean | undefined): string | undefined =>
    typeof value === "string" ? value : undefined;
  return {
    help: false,
    name: name ?? "",
    from: text(values.from) ?? "",
    title: text(values.title),
    image: text(values.image),
    standalone: text(values.standalone),
    install: values["no-install"] !== true,
  };
}
