import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listSamples } from "../new-extension.ts";

/**
 * A throwaway repository with the real samples' sources (no installs, builds or caches) in a new
 * temp folder named `<prefix>XXXXXX`: what the command reads and writes. The caller removes it.
 */
export async function makeSampleRepo(repoRoot: string, prefix: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  for (const sample of await listSamples(repoRoot)) {
    await cp(join(repoRoot, "samples", sample), join(root, "samples", sample), {
      recursive: true,
      filter: (path) => !/\/(node_modules|dist|\.cache|\.turbo|\.docker-context)(\/|$)/.test(path),
    });
  }
  return root;
}
