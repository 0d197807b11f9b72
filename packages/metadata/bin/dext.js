#!/usr/bin/env node
// Runs the built CLI; `pnpm --filter @dext/metadata build` (or any turbo task with ^build) makes dist/.
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
