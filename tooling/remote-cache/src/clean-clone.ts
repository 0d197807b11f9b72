import { runProgram } from "@dext/desktop-facts/node";

export interface CleanCloneOptions {
  /** The repository to clone, and the commit to check out (committed files only). */
  repository: string;
  commit: string;
  /** Where the clone goes: a new folder. */
  dir: string;
  /** pnpm's store to install from, offline: the one the repository's own install filled. */
  storeDir: string;
  /** The workspace packages the clone's tasks need; each is installed with its dependencies. */
  packages: readonly string[];
}

/** The store `pnpm install` uses in `dir`, so a clone elsewhere installs from the same one. */
export async function pnpmStoreDir(dir: string): Promise<string> {
  const { stdout } = await runProgram("pnpm", ["store", "path"], { cwd: dir });
  return stdout.trim();
}

/**
 * A clone of one commit with nothing of the working tree's (no build, no cache, no node_modules),
 * installed from the store alone: the workspace root (for turbo) and `packages` with their dependencies.
 */
export async function cleanClone(options: CleanCloneOptions): Promise<void> {
  await runProgram("git", ["clone", "--quiet", "--no-checkout", options.repository, options.dir]);
  await runProgram("git", ["-C", options.dir, "checkout", "--quiet", "--detach", options.commit]);
  const filters = [".", ...options.packages.map((name) => `${name}...`)].map((filter) => `--filter=${filter}`);
  await runProgram(
    "pnpm",
    ["install", "--offline", "--frozen-lockfile", `--store-dir=${options.storeDir}`, ...filters],
    { cwd: options.dir, timeoutMs: 120_000 },
  );
}
