import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { parse } from "yaml";
import { makeTargets } from "./make-targets.ts";

export interface WorkspacePackage {
  name: string;
  /** Relative to the root, `/`-separated; "" for the root package. */
  dir: string;
  scripts: ReadonlySet<string>;
}

export interface Workspace {
  root: string;
  rootPackage: WorkspacePackage;
  /** The packages pnpm-workspace.yaml names (not the root). */
  packages: WorkspacePackage[];
  /** Each Makefile's folder (relative, "" for the root) and the targets it defines. */
  makefiles: ReadonlyMap<string, ReadonlySet<string>>;
}

async function readPackage(root: string, dir: string): Promise<WorkspacePackage | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, dir, "package.json"), "utf8");
  } catch {
    return undefined;
  }
  const manifest = JSON.parse(text) as { name?: unknown; scripts?: Record<string, unknown> };
  const name = typeof manifest.name === "string" ? manifest.name : dir;
  return { name, dir, scripts: new Set(Object.keys(manifest.scripts ?? {})) };
}

/** Folders a pnpm-workspace.yaml pattern names: `dir/*` (one level) or a plain folder. */
async function expandPattern(root: string, pattern: string): Promise<string[]> {
  const clean = pattern.replace(/^\.\//, "").replace(/\/$/, "");
  if (!clean.endsWith("/*")) return [clean];
  const parent = clean.slice(0, -2);
  const entries = await readdir(join(root, parent), { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => `${parent}/${entry.name}`);
}

/** The root package, the workspace's packages and the given Makefiles' targets. */
export async function loadWorkspace(root: string, makefilePaths: readonly string[]): Promise<Workspace> {
  const rootPackage = (await readPackage(root, "")) ?? { name: "(root)", dir: "", scripts: new Set<string>() };
  const config = parse(await readFile(join(root, "pnpm-workspace.yaml"), "utf8")) as { packages?: string[] } | null;
  const packages: WorkspacePackage[] = [];
  for (const pattern of config?.packages ?? []) {
    if (pattern.startsWith("!")) continue;
    for (const dir of await expandPattern(root, pattern)) {
      const found = await readPackage(root, dir);
      if (found !== undefined) packages.push(found);
    }
  }
  const makefiles = new Map<string, ReadonlySet<string>>();
  for (const path of makefilePaths) {
    const dir = relative(root, join(root, path, ".."))
      .split(sep)
      .join("/");
    makefiles.set(dir, makeTargets(await readFile(join(root, path), "utf8")));
  }
  return { root, rootPackage, packages, makefiles };
}
