// The `lint` script's workflow check: node src/main.ts [file-or-folder...]
import { run } from "./cli.ts";

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
