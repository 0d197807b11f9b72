#!/usr/bin/env node
// Bundles a backend for its image (src/build/cli.ts). From the TypeScript sources where they are
// here (this workspace, a Docker build of it; Node 24 strips their types), else from dist/.
import { existsSync } from "node:fs";

const source = new URL("../src/build/cli.ts", import.meta.url);
const { main } = await import(existsSync(source) ? source.href : "../dist/build/cli.js");
process.exitCode = await main(process.argv.slice(2));
