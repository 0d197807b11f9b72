// Process entry of the dext-desktop command.
import { main } from "./cli.ts";

process.exitCode = await main(process.argv.slice(2));
