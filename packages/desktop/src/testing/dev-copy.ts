import { cp, mkdir, mkdtemp, readdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const samplesDir = fileURLToPath(new URL("../../../../samples/", import.meta.url));

const notCopied = new Set(["node_modules", "dist", ".cache", ".turbo"]);

/**
 * A throwaway copy of a sample to edit in dev-mode tests and benchmarks, at
 * `<short temp>/samples/<name>` so its Dockerfile's repository-root paths still resolve. Its
 * node_modules is a real folder of links to the sample's own installs, so Vite's cache lands in
 * the copy, never in the sample.
 */
export async function copySampleForDev(name: string): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp("/tmp/dxd-");
  const source = join(samplesDir, name);
  const dir = join(root, "samples", name);
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(source)) {
    if (!notCopied.has(entry)) await cp(join(source, entry), join(dir, entry), { recursive: true });
  }
  await mkdir(join(dir, "node_modules"));
  for (const entry of await readdir(join(source, "node_modules"))) {
    if (!entry.startsWith(".vite"))
      await symlink(join(source, "node_modules", entry), join(dir, "node_modules", entry));
  }
  return { root, dir };
}
