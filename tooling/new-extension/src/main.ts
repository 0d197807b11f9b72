// pnpm new-extension <name> --from <sample> [--title "Tab title"] [--image org/name] [--no-install]
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { NewExtensionError } from "./errors.js";
import { listSamples, newExtension } from "./new-extension.js";
import { newStandaloneExtension } from "./standalone.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const USAGE = `Usage: pnpm new-extension <name> --from <sample> [--standalone <dir>] [--title "Tab title"] [--image org/name] [--no-install]

Copies samples/<sample> to samples/<name> and renames everything that carries the sample's identity:
package name, image name (Makefile, labels), tab title, socket name. Then links it into the workspace.
With --standalone, writes a project of its own to <dir> instead, with the dext packages it uses
packed into <dir>/vendor, and installs it there.
Exit codes: 0 created, 1 created but install failed, 2 refused (nothing written).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    allowPositionals: true,
    options: {
      from: { type: "string" },
      title: { type: "string" },
      image: { type: "string" },
      standalone: { type: "string" },
      "no-install": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0 || values.from === undefined) {
    throw new NewExtensionError("USAGE", `${name === undefined ? "a name is required" : extra.length > 0 ? `one name only, got ${positionals.join(" ")}` : `--from is required; samples: ${(await listSamples(repoRoot)).join(", ")}`}\n\n${USAGE}`);
  }
  const log = (line: string) => { console.log(line); };
  if (values.standalone !== undefined) {
    // Relative to where the user ran `pnpm new-extension`, not to this package.
    const target = resolve(process.env.INIT_CWD ?? process.cwd(), values.standalone);
    const result = await newStandaloneExtension({ repoRoot, name, from: values.from, target, title: values.title, image: values.image, install: !values["no-install"], log });
    console.log(`\nNext:\n  cd ${result.target}\n  pnpm start    # the local Desktop host with ${result.identity.name}\n  pnpm check    # lint, typecheck, build, tests, validate`);
    return 0;
  }
  const result = await newExtension({ repoRoot, name, from: values.from, title: values.title, image: values.image, install: !values["no-install"], log });
  console.log(`\nNext:\n  pnpm --filter ${result.identity.name} test      # its tests\n  pnpm --filter ${result.identity.name} validate  # dext validate\n  pnpm start                                # the dext host, with ${result.identity.name}'s tab`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof NewExtensionError) {
      console.error(`new-extension: ${error.message}`);
      process.exitCode = error.code === "INSTALL_FAILED" ? 1 : 2;
      return;
    }
    console.error(`new-extension: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS") ? 2 : 1;
  },
);
