import { cp, mkdir, mkdtemp, readdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The host's dev-mode fixture: a Vite config, a `watch:backend` script, a node backend. */
const devFixtureDir = fileURLToPath(new URL("../../test/fixtures/dev-extension/", import.meta.url));
/** This package's installs, which the fixture's copy resolves Vite and esbuild from. */
const ownModules = fileURLToPath(new URL("../../node_modules/", import.meta.url));

const notCopied = new Set(["node_modules", "dist", ".cache", ".turbo"]);

interface DevCopyOptions {
  /** The extension folder to copy. */
  source: string;
  /** Where the copy goes below its temporary root: a sample's Dockerfile names repository-root paths, so `samples/<name>`. */
  at: string;
  /** The node_modules folder whose entries the copy links to; the source's own by default. */
  modules?: string;
}

/**
 * A throwaway copy of an extension folder to edit in dev-mode tests and benchmarks, at
 * `<short temp>/<at>`. Its node_modules is a real folder of links to installed packages, so
 * Vite's cache lands in the copy, never in the source.
 */
export async function copyForDev(options: DevCopyOptions): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp("/tmp/dxd-");
  const dir = join(root, options.at);
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(options.source)) {
    if (!notCopied.has(entry)) await cp(join(options.source, entry), join(dir, entry), { recursive: true });
  }
  const modules = options.modules ?? join(options.source, "node_modules");
  await mkdir(join(dir, "node_modules"));
  for (const entry of await readdir(modules)) {
    if (!entry.startsWith(".vite")) await symlink(join(modules, entry), join(dir, "node_modules", entry));
  }
  return { root, dir };
}

/** A copy of the dev-mode fixture, at `<short temp>/dev-extension`, resolving Vite and esbuild from this package. */
export function copyDevFixture(): Promise<{ root: string; dir: string }> {
  return copyForDev({ source: devFixtureDir, at: "dev-extension", modules: ownModules });
}
