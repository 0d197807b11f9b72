import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rename } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { writeSampleCopy } from "./copy-sample.ts";
import { NewExtensionError } from "./errors.ts";
import { planNewExtension, undo } from "./new-extension.ts";
import type { NewExtensionResult } from "./new-extension.ts";
import { packWorkspacePackage } from "./pack-workspace-package.ts";
import { shellQuote } from "./shell-quote.ts";
import { rewriteForStandalone } from "./standalone-files.ts";
import { clearEmptyTarget } from "./target-check.ts";
import {
  readCatalog,
  readManifest,
  resolveSpecifiers,
  workspaceClosure,
  workspacePackages,
} from "./workspace-packages.ts";
import { WrittenPaths } from "./written-paths.ts";

const run = promisify(execFile);

/** The scripts `pnpm check` runs, cheapest failure first, as far as the sample has them. */
const CHECK_ORDER = ["lint", "typecheck", "build", "test", "test:e2e", "validate"];

export interface StandaloneOptions {
  repoRoot: string;
  name: string;
  from: string;
  target: string;
  title?: string | undefined;
  image?: string | undefined;
  install?: boolean;
  log?: (line: string) => void;
}

/**
 * `pnpm new-extension <name> --from <sample> --standalone <dir>`: the sample as a project of its
 * own. The dext packages it uses are built here and packed into `vendor/` (referenced by `file:`,
 * so it installs offline from the pnpm store, and without this repository); `catalog:` versions
 * become real ones; the Dockerfile and Makefile build from the project folder.
 */
export async function newStandaloneExtension(options: StandaloneOptions): Promise<NewExtensionResult> {
  const log = options.log ?? (() => undefined);
  const target = resolve(options.target);
  const plan = await planNewExtension({ ...options, allowEmptyTarget: true }, target);
  const packages = await workspacePackages(options.repoRoot);
  const sampleManifest = await readManifest(plan.source);
  const needed = workspaceClosure(sampleManifest, packages);
  const { catalog, settings } = await readCatalog(options.repoRoot);

  log(`building ${needed.map((p) => p.name).join(", ")}`);
  await run(
    "pnpm",
    ["exec", "turbo", "run", "build", ...needed.map((p) => `--filter=${p.name}`), "--output-logs=errors-only"],
    { cwd: options.repoRoot, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
  );

  const written = new WrittenPaths();
  // The parents it makes are its own too: recorded (outermost first) so a failure removes them, if empty.
  const firstMade = await mkdir(dirname(target), { recursive: true });
  if (firstMade !== undefined) {
    let dir = firstMade;
    written.dir(dir);
    for (const part of relative(firstMade, dirname(target))
      .split(sep)
      .filter((part) => part !== ""))
      written.dir((dir = join(dir, part)));
  }
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}-`));
  written.dir(staging);
  try {
    const files = await writeSampleCopy(plan.copy, staging, written);
    await written.mkdir(join(staging, "vendor"));
    const version = (name: string) => packages.get(name)?.manifest.version ?? "0.0.0";
    const tarballs = new Map<string, string>();
    for (const pkg of needed) {
      const tarball = await packWorkspacePackage(pkg, catalog, version, join(staging, "vendor"));
      written.file(join(staging, "vendor", tarball));
      tarballs.set(pkg.name, `file:vendor/${tarball}`);
    }
    const rootManifest = await readManifest(options.repoRoot);
    const tarball = (name: string) => tarballs.get(name) ?? version(name);
    const manifest = {
      ...sampleManifest,
      name: plan.to.name,
      packageManager: rootManifest.packageManager,
      engines: rootManifest.engines,
      scripts: {
        ...sampleManifest.scripts,
        // The local Desktop host with this extension, after a build: the main job.
        start: "pnpm run build && dext-desktop --port ${DEXT_PORT:-4480} .",
        check: CHECK_ORDER.filter((script) => sampleManifest.scripts?.[script] !== undefined)
          .map((script) => `pnpm run ${script}`)
          .join(" && "),
      },
      dependencies: resolveSpecifiers(sampleManifest.dependencies, catalog, tarball),
      devDependencies: resolveSpecifiers(sampleManifest.devDependencies, catalog, tarball),
    };
    await written.writeFile(join(staging, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    // pnpm reads its settings here even for a single package; the overrides point the dext
    // packages' dependencies on each other at the vendored tarballs too.
    const workspace = { ...settings, overrides: Object.fromEntries(tarballs) };
    await written.writeFile(
      join(staging, "pnpm-workspace.yaml"),
      `# Settings for pnpm (this project is not a workspace; there is no packages list).\n${stringify(workspace)}`,
    );
    await written.writeFile(join(staging, ".gitignore"), "node_modules\ndist\n.cache\n.turbo\n*.tsbuildinfo\n");
    await rewriteForStandalone(
      staging,
      plan.to,
      await readFile(join(staging, "README.md"), "utf8").catch(() => ""),
      options.from,
      written,
    );
    // Only a folder it found empty, checked again with lstat now; rmdir refuses one that filled up.
    if (plan.target === "empty-folder") await clearEmptyTarget(target);
    await rename(staging, target);
    log(
      `created ${shellQuote(target)} from samples/${options.from} with ${String(tarballs.size)} vendored dext packages`,
    );
    if (options.install ?? true) {
      log("installing: pnpm install --prefer-offline");
      await run("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], {
        cwd: target,
        maxBuffer: 64 * 1024 * 1024,
      }).catch((error: unknown) => {
        throw new NewExtensionError(
          "INSTALL_FAILED",
          `${target} was created, but \`pnpm install\` failed there; run it yourself to see why. ${String(error)}`,
        );
      });
    }
    return { target, identity: plan.to, files };
  } catch (error) {
    await undo(written, log);
    throw error;
  }
}
