// pnpm --filter @dext/docs-check exec node src/main.ts [root]: the findings, one a line; exit 1 when there are any.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkDocs, formatFindings } from "./check-docs.ts";

const root = resolve(process.argv[2] ?? fileURLToPath(new URL("../../..", import.meta.url)));
const findings = await checkDocs(root);
process.stdout.write(formatFindings(findings));
process.stdout.write(`${String(findings.length)} finding(s) in the docs under ${root}\n`);
process.exitCode = findings.length > 0 ? 1 : 0;
