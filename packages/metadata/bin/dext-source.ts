// `pnpm dext <command>` at the repository root: the CLI from its TypeScript sources (Node 24 strips the types), so it
// works on a fresh clone with no build. pnpm runs root scripts in the root folder and puts the
// folder the user typed the command in into INIT_CWD; paths on the command line (the folder,
// --context, --dockerfile) and the report's short paths are relative to that folder, as with any CLI.
// bin/dext.js, which runs the built dist/, stays the entry inside packages and images: there
// INIT_CWD may be a parent pnpm's folder, not the script's.
import { main } from "../src/cli.ts";

const callerFolder = process.env.INIT_CWD;
if (callerFolder !== undefined && callerFolder !== "") process.chdir(callerFolder);
process.exitCode = await main(process.argv.slice(2));
