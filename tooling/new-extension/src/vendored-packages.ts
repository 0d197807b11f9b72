import { join } from "node:path";
import { listSamples } from "./new-extension.ts";
import { readManifest, workspaceClosure, workspacePackages } from "./workspace-packages.ts";
import type { WorkspacePackage } from "./workspace-packages.ts";

/**
 * Every workspace package a standalone project made from some sample vendors: the union of each
 * sample's closure, as `newStandaloneExtension` computes it for one sample. These are what
 * publint checks (`src/publint-vendored.ts`).
 */
export async function vendoredPackages(repoRoot: string): Promise<WorkspacePackage[]> {
  const packages = await workspacePackages(repoRoot);
  const vendored = new Map<string, WorkspacePackage>();
  for (const sample of await listSamples(repoRoot)) {
    for (const pkg of workspaceClosure(await readManifest(join(repoRoot, "samples", sample)), packages))
      vendored.set(pkg.name, pkg);
  }
  return [...vendored.values()].sort((a, b) => a.name.localeCompare(b.name));
}
