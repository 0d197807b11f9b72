#!/usr/bin/env node
// Runs the built host; `pnpm --filter @dext/desktop build` makes dist/.
import "../dist/main.js";
