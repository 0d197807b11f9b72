import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { tarballName, writePackageTarball } from "./package-tarball.ts";
import { resolveSpecifiers } from "./workspace-packages.ts";
import type { PackageManifest, WorkspacePackage } from "./workspace-packages.ts";

/** Drops the `@dext/source` export condition: outside the workspace only the built files ship. */
function withoutSourceCondition(exports: unknown): unknown {
  if (Array.isArray(exports)) return exports.map(withoutSourceCondition);
  if (exports === null || typeof exports !== "object") return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== "@dext/source")
      .map(([key, value]) => [key, withoutSourceCondition(value)]),
  );
}

/** The manifest a standalone project installs: built entry points, real versions, nothing for development. */
function standaloneManifest(
  manifest: PackageManifest,
  catalog: Record<string, string>,
  version: (name: string) => string,
): PackageManifest {
  const { devDependencies: _dev, scripts: _scripts, ...rest } = manifest;
  return {
    ...rest,
    exports: withoutSourceCondition(manifest.exports),
    dependencies: resolveSpecifiers(manifest.dependencies, catalog, version),
    peerDependencies: resolveSpecifiers(manifest.peerDependencies, catalog, version),
  };
}

/** A `files` pattern as a regular expression's source: `*` is any part of one name, all else literal. */
function globSource(pattern: string): string {
  return pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
}

/**
 * The paths (relative to the package) to stage for packing: what `files` names, else everything but
 * installs and caches. A `files` entry is a top-level name, a one-level pattern such as `*.json`,
 * or a path such as `vite/index.js`; `!` entries are applied by `excludedByFiles` while staging. A
 * path that names nothing here is an error, not a file silently left out.
 */
export async function packedEntries(dir: string, files: readonly string[] | undefined): Promise<string[]> {
  const present = await readdir(dir);
  if (files === undefined)
    return present.filter((name) => !["node_modules", "package.json", ".turbo", ".cache"].includes(name));
  const entries: string[] = [];
  for (const pattern of files) {
    if (pattern.startsWith("!")) continue;
    if (pattern.includes("/")) {
      const path = pattern.replace(/\/+$/, "");
      if (!(await exists(join(dir, path))))
        throw new Error(`"files" names ${pattern}, which ${dir} does not have (built yet?)`);
      entries.push(path);
      continue;
    }
    const matcher = new RegExp(`^${globSource(pattern)}$`);
    entries.push(...present.filter((name) => matcher.test(name)));
  }
  return [...new Set(entries)];
}

/**
 * Whether `files`' `!` entries leave out `path` (relative to the package, `/`-separated): an entry
 * names the path or a folder above it, `*` standing for any part of one name (`!vite/*.test.ts`,
 * `!vite/testing`).
 */
export function excludedByFiles(files: readonly string[] | undefined, path: string): boolean {
  return (files ?? [])
    .filter((entry) => entry.startsWith("!"))
    .some((entry) => {
      const pattern = entry
        .slice(1)
        .replace(/^\.?\/+/, "")
        .replace(/\/+$/, "");
      return new RegExp(`^${globSource(pattern)}(/|$)`).test(path);
    });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Packs a workspace package as it would be published (its `files`, or everything but tests and
 * installs), with a standalone manifest, into `destination`. Returns the tarball's file name, npm's
 * name for it.
 */
export async function packWorkspacePackage(
  pkg: WorkspacePackage,
  catalog: Record<string, string>,
  version: (name: string) => string,
  destination: string,
): Promise<string> {
  await mkdir(destination, { recursive: true });
  const stage = await mkdtemp(join(destination, ".pack-"));
  try {
    for (const entry of await packedEntries(pkg.dir, pkg.manifest.files)) {
      await cp(join(pkg.dir, entry), join(stage, entry), {
        recursive: true,
        filter: (path) =>
          !/\.test\.[cm]?[jt]sx?$|\/node_modules(\/|$)/.test(path) &&
          !excludedByFiles(pkg.manifest.files, relative(pkg.dir, path)),
      }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      });
    }
    await writeFile(
      join(stage, "package.json"),
      `${JSON.stringify(standaloneManifest(pkg.manifest, catalog, version), null, 2)}\n`,
    );
    const tarball = tarballName(pkg.manifest.name, pkg.manifest.version ?? "0.0.0");
    await writePackageTarball(stage, join(destination, tarball));
    return tarball;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
