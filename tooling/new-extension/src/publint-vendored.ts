// pnpm --filter @dext/new-extension publint: publint on every dext package a standalone project
// vendors, packed as `--standalone` packs it (built files, no @dext/source, real versions), since
// that tarball, not the workspace folder, is what another project installs. Exit 1 on any error
// or warning (publint's strict mode); suggestions are printed and fail too.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { packWorkspacePackage } from "./pack-workspace-package.ts";
import { vendoredPackages } from "./vendored-packages.ts";
import { readCatalog } from "./workspace-packages.ts";
import type { WorkspacePackage } from "./workspace-packages.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");

/** A package with a build must have built, or publint would only report its missing dist/. */
async function unbuilt(pkg: WorkspacePackage): Promise<boolean> {
  if (pkg.manifest.scripts?.build === undefined) return false;
  return stat(join(pkg.dir, "dist")).then(
    () => false,
    () => true,
  );
}

async function main(): Promise<number> {
  const packages = await vendoredPackages(repoRoot);
  const missing = [];
  for (const pkg of packages) if (await unbuilt(pkg)) missing.push(pkg.name);
  if (missing.length > 0) {
    console.error(
      `not built: ${missing.join(", ")}; turbo builds them first (turbo.json, @dext/new-extension#publint)`,
    );
    return 1;
  }
  const { catalog } = await readCatalog(repoRoot);
  const versions = new Map(packages.map((pkg) => [pkg.name, pkg.manifest.version ?? "0.0.0"]));
  const dir = await mkdtemp(join(tmpdir(), "dext-publint-"));
  let problems = 0;
  try {
    for (const pkg of packages) {
      const tarball = await packWorkspacePackage(pkg, catalog, (name) => versions.get(name) ?? "0.0.0", dir);
      const bytes = await readFile(join(dir, tarball));
      const { messages, pkg: manifest } = await publint({
        pack: { tarball: new Uint8Array(bytes).buffer },
        level: "suggestion",
        strict: true,
      });
      for (const message of messages)
        console.log(`${pkg.name}: ${message.type}: ${formatMessage(message, manifest) ?? message.code}`);
      problems += messages.length;
      if (messages.length === 0) console.log(`${pkg.name}: publint found nothing`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return problems === 0 ? 0 : 1;
}

process.exitCode = await main();
