// pnpm lab check <n> [--dir samples/my-extension]   |   pnpm lab list
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// The checks import @dext/metadata's sources, which are exported under the @dext/source condition
// (the root's `pnpm lab` passes it; a plain `node` run does not, and dist/ may not be built): run again with it.
const CONDITION = "--conditions=@dext/source";
if (!process.execArgv.includes(CONDITION)) {
  const child = spawnSync(process.execPath, [...process.execArgv, CONDITION, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  process.exit(child.status ?? 1);
}
const { LABS } = await import("./labs.ts");
const { formatResult, runLab } = await import("./run-lab.ts");

const USAGE = `Usage: pnpm lab check <n> [--dir samples/my-extension]
       pnpm lab list

Checks workshop lab <n> (docs/workshop/README.md) on your extension folder: exit 0 when it is done,
1 with the list of what is missing, 2 on bad usage.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    allowPositionals: true,
    options: {
      dir: { type: "string", default: "samples/my-extension" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, number, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === "list" && number === undefined) {
    for (const lab of LABS) console.log(`${String(lab.number)}. ${lab.title}`);
    return 0;
  }
  const lab = LABS.find((candidate) => String(candidate.number) === number);
  if (command !== "check" || lab === undefined || extra.length > 0) {
    console.error(
      `lab: ${command === "check" ? `no lab "${number ?? ""}"; labs are 1 to ${String(LABS.length)}` : "unknown command"}\n\n${USAGE}`,
    );
    return 2;
  }
  // Relative to where the attendee ran `pnpm lab`, not to this package (pnpm sets INIT_CWD).
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), values.dir);
  const result = await runLab(lab, dir);
  console.log(formatResult(result));
  return result.done ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode =
      error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS") ? 2 : 1;
  },
);
