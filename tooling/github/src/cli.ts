import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Finding } from "./finding.ts";
import { lintWorkflowFiles, workflowFiles } from "./lint-workflows.ts";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** The repository's workflows, linted when no path is given. */
export const REPO_WORKFLOWS = join(REPO_ROOT, ".github", "workflows");

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * A file in the repository from the repository root (`.github/workflows/ci.yml`), as GitHub's
 * annotations expect whatever folder the check runs in; any other file as given.
 */
export function displayPath(file: string): string {
  const inRepo = relative(REPO_ROOT, file);
  return inRepo !== "" && !inRepo.startsWith("..") && !isAbsolute(inRepo) ? inRepo : file;
}

/** `path:line:column: message [kind]`, the format editors and problem matchers read. */
export function formatFinding(finding: Finding): string {
  return `${displayPath(finding.file)}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`;
}

/**
 * `node src/main.ts [file-or-folder...]` (the `lint` script): exit 0 when every workflow passes, 1 with findings,
 * 2 when there is nothing to lint. No workflow found is a failure, not a pass: a moved or renamed
 * folder must not turn the check into a no-op.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const paths = args.length === 0 ? [REPO_WORKFLOWS] : args.map((arg) => resolve(arg));
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    io.stderr(`lint-workflows: no such file or folder: ${missing.join(", ")}\n`);
    return 2;
  }
  const files = (await Promise.all(paths.map(workflowFiles))).flat();
  if (files.length === 0) {
    io.stderr(`lint-workflows: no workflow (.yml, .yaml) in ${paths.join(", ")}\n`);
    return 2;
  }
  const findings = await lintWorkflowFiles(files);
  for (const finding of findings) io.stdout(`${formatFinding(finding)}\n`);
  const shown = files.map(displayPath).join(", ");
  if (findings.length > 0) {
    io.stderr(`lint-workflows: ${findings.length} problem(s) in ${shown}\n`);
    return 1;
  }
  io.stdout(`lint-workflows: ${files.length} workflow(s) pass actionlint and dext's policy: ${shown}\n`);
  return 0;
}
