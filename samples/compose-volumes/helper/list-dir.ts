// Runs in a helper container that the backend starts from the extension's own image, with one
// volume mounted read-only at /volume, no network and no capabilities but reading:
//   node /backend/list-dir.js list <path>      a directory's entries, or a file's first bytes
//   node /backend/list-dir.js summary          file count, total size and largest files
// It prints one JSON document on stdout, which the backend reads back through the container's logs.
import { listPath } from "./list-path.ts";
import { Refusal } from "./refusal.ts";
import { defaultSummarizeLimits, summarize } from "./summarize.ts";

const root = process.env.VOLUME_ROOT ?? "/volume";
const [mode, path = ""] = process.argv.slice(2);

function print(document: unknown): void {
  process.stdout.write(`${JSON.stringify(document)}\n`);
}

try {
  if (mode === "list") print(await listPath(root, path));
  else if (mode === "summary") print(await summarize(root, defaultSummarizeLimits));
  else {
    console.error(`usage: list-dir.js list <path> | summary (got ${String(mode)})`);
    process.exitCode = 64;
  }
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  print({ problem: { code: error.code, message: error.message } });
  // Distinct from a crash (1): the backend answers a refusal as the user's mistake, not a fault.
  process.exitCode = 2;
}
