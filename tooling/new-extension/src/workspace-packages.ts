import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";

export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: PackageManifest;
}

export interface PackageManifest {
  name: string;
  version?: string;
  files?: string[];
  exports?: unknown;
  bin?: unknown;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [key: string]: unknown;
}

export async function readManifest(dir: string): Promise<PackageManifest> {
  return JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as PackageManifest;
}

/** Every package of the workspace, by name. */
export async function workspacePackages(repoRoot: string): Promise<Map<string, WorkspacePackage>> {
  const packages = new Map<string, WorkspacePackage>();
  for (const group of ["packages", "samples", "tooling"]) {
    for (const entry of await readdir(join(repoRoot, group), { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory()) continue;
      const dir = join(repoRoot, group, entry.name);
      const manifest = await readManifest(dir).catch(() => undefined);
      if (manifest !== undefined) packages.set(manifest.name, { name: manifest.name, dir, manifest });
    }
  }
  return packages;
}

/** The workspace packages `manifest` needs at run or build time, directly or through each other. */
export function workspaceClosure(
  manifest: PackageManifest,
  packages: Map<string, WorkspacePackage>,
): WorkspacePackage[] {
  const needed = new Map<string, WorkspacePackage>();
  const visit = (deps: Record<string, string> | undefined) => {
    for (const [name, spec] of Object.entries(deps ?? {})) {
      const found = packages.get(name);
      if (!spec.startsWith("workspace:") || found === undefined || needed.has(name)) continue;
      needed.set(name, found);
      visit(found.manifest.dependencies);
    }
  };
  visit(manifest.dependencies);
  visit(manifest.devDependencies);
  return [...needed.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The workspace's pnpm catalog: `catalog:` specifiers resolve to these versions outside it. */
export async function readCatalog(
  repoRoot: string,
): Promise<{ catalog: Record<string, string>; settings: Record<string, unknown> }> {
  const workspace = parse(await readFile(join(repoRoot, "pnpm-workspace.yaml"), "utf8")) as Record<string, unknown>;
  const { catalog, packages: _packages, ...settings } = workspace;
  return { catalog: (catalog ?? {}) as Record<string, string>, settings };
}

/** Replaces `catalog:` with the catalog's version, and `workspace:` with what `workspace` says. */
export function resolveSpecifiers(
  deps: Record<string, string> | undefined,
  catalog: Record<string, string>,
  workspace: (name: string) => string,
): Record<string, string> | undefined {
  if (deps === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(deps).map(([name, spec]) => {
      if (spec === "catalog:") {
        const version = catalog[name];
        if (version === undefined) throw new Error(`${name} uses catalog: but the catalog has no entry for it`);
        return [name, version];
      }
      return [name, spec.startsWith("workspace:") ? workspace(name) : spec];
    }),
  );
}
