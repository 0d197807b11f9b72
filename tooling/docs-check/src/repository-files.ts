import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/**
 * Never docs of this repository: installs, build output, caches, git's own files, and the samples'
 * image build contexts (tooling/docker/prune-context.sh), copies of the workspace with its pages.
 */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".git", ".turbo", ".cache", "coverage", ".docker-context"]);

export interface RepositoryFiles {
  /** Every README.md, and every .md under docs/, relative to the root with `/` separators, sorted. */
  docs: string[];
  /** Every Makefile, the same way. */
  makefiles: string[];
}

/** Walks the repository once for the pages to check and the Makefiles their `make` commands mean. */
export async function repositoryFiles(root: string): Promise<RepositoryFiles> {
  const docs: string[] = [];
  const makefiles: string[] = [];
  async function walk(folder: string): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const name = relative(root, path).split(sep).join("/");
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path);
      } else if (entry.isFile()) {
        if (entry.name === "README.md" || (name.startsWith("docs/") && name.endsWith(".md"))) docs.push(name);
        if (entry.name === "Makefile") makefiles.push(name);
      }
    }
  }
  await walk(root);
  return { docs: docs.sort(), makefiles: makefiles.sort() };
}
