// Process entry of the dext-desktop command.
import { main } from "./cli.js";

process.exitCode = await main(process.argv.slice(2));
