// pnpm new-extension <name> --from <sample> [--title "Tab title"] [--image org/name] [--no-install]
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCommandLine, USAGE } from "./command-line.ts";
import { NewExtensionError } from "./errors.ts";
import { newExtension } from "./new-extension.ts";
import { standaloneNextSteps, workspaceNextSteps } from "./next-steps.ts";
import { newStandaloneExtension } from "./standalone.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

async function main(argv: string[]): Promise<number> {
  const options = parseCommandLine(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const log = (line: string) => {
    console.log(line);
  };
  const common = {
    repoRoot,
    name: options.name,
    from: options.from,
    title: options.title,
    image: options.image,
    install: options.install,
    log,
  };
  if (options.standalone !== undefined) {
    // Relative to where the user ran `pnpm new-extension`, not to this package.
    const target = resolve(process.env.INIT_CWD ?? process.cwd(), options.standalone);
    const result = await newStandaloneExtension({ ...common, target });
    console.log(standaloneNextSteps(result.target, result.identity.name));
    return 0;
  }
  const result = await newExtension(common);
  console.log(workspaceNextSteps(result.identity.name));
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
    process.exitCode = 1;
  },
);
