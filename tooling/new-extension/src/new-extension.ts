import { execFile } from "node:child_process";
import { access, mkdtemp, readdir, rename } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { planSampleCopy, writeSampleCopy } from "./copy-sample.ts";
import type { SampleCopy } from "./copy-sample.ts";
import { allRefusals, collectRefusal, NewExtensionError } from "./errors.ts";
import { checkExtensionName, checkImageName, checkTitle, titleFromName } from "./extension-name.ts";
import { readSampleIdentity } from "./sample-identity.ts";
import type { Identity } from "./sample-identity.ts";
import { shellQuote } from "./shell-quote.ts";
import { checkTarget } from "./target-check.ts";
import type { TargetState } from "./target-check.ts";
import { checkTitleCharacters } from "./title-escape.ts";
import { workspacePackages } from "./workspace-packages.ts";
import { WrittenPaths } from "./written-paths.ts";

const run = promisify(execFile);

export interface NewExtensionOptions {
  repoRoot: string;
  name: string;
  from: string;
  title?: string | undefined;
  image?: string | undefined;
  /** Run `pnpm install` afterwards so the new workspace package is linked (default true). */
  install?: boolean;
  log?: (line: string) => void;
}

export interface NewExtensionResult {
  target: string;
  identity: Identity;
  files: string[];
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Sample folders: those with a metadata.json. */
export async function listSamples(repoRoot: string): Promise<string[]> {
  const samplesDir = join(repoRoot, "samples");
  const names: string[] = [];
  for (const entry of await readdir(samplesDir, { withFileTypes: true })) {
    if (
      entry.isDirectory() &&
      !entry.name.startsWith(".") &&
      (await exists(join(samplesDir, entry.name, "metadata.json")))
    )
      names.push(entry.name);
  }
  return names.sort();
}

export interface NewExtensionPlan {
  from: Identity;
  to: Identity;
  source: string;
  /** The copy, worked out in memory. */
  copy: SampleCopy;
  target: TargetState;
}

type PlanOptions = Pick<NewExtensionOptions, "repoRoot" | "name" | "from" | "title" | "image"> & {
  /** Standalone: an empty folder may be there already. */
  allowEmptyTarget?: boolean;
  /** In the workspace: the name must not be a workspace package's already. */
  checkNameTaken?: boolean;
};

/**
 * Everything that can be refused is checked before the first file is written, and every refusal
 * is reported at once: the name, `--image`, `--title` (its characters, and whether each file it
 * lands in can carry it), the sample, the target.
 */
export async function planNewExtension(options: PlanOptions, target: string): Promise<NewExtensionPlan> {
  const problems: NewExtensionError[] = [];
  await collectRefusal(problems, () => {
    checkExtensionName(options.name);
  });
  if (options.image !== undefined) {
    const image = options.image;
    await collectRefusal(problems, () => {
      checkImageName(image);
    });
  }
  if (options.title !== undefined) {
    const title = options.title;
    await collectRefusal(problems, () => {
      checkTitle(title);
      checkTitleCharacters(title);
    });
  }
  const samples = await listSamples(options.repoRoot);
  if (!samples.includes(options.from)) {
    problems.push(
      new NewExtensionError(
        "UNKNOWN_SAMPLE",
        `there is no sample "${options.from}"; choose one of: ${samples.join(", ")}`,
      ),
    );
  }
  if (options.checkNameTaken === true && (await workspacePackages(options.repoRoot)).has(options.name)) {
    problems.push(new NewExtensionError("NAME_TAKEN", `a workspace package is already named "${options.name}"`));
  }
  let targetState: TargetState = "missing";
  await collectRefusal(problems, async () => {
    targetState = await checkTarget(target, { allowEmptyFolder: options.allowEmptyTarget === true });
  });
  const early = allRefusals(problems);
  if (early !== undefined) throw early;

  const source = join(options.repoRoot, "samples", options.from);
  const from = await readSampleIdentity(source, options.from);
  const image = options.image ?? `${dirname(from.image) === "." ? "" : `${dirname(from.image)}/`}${options.name}`;
  const to: Identity = { name: options.name, title: options.title ?? titleFromName(options.name), image };
  // Rewriting every file in memory finds a title some file cannot carry, still before any write.
  const copy = await planSampleCopy(source, from, to);
  return { from, to, source, copy, target: targetState };
}

/** Removes what a failed run wrote, and says so if something else had been put among it. */
export async function undo(written: WrittenPaths, log: (line: string) => void): Promise<void> {
  const kept = await written.removeAll();
  if (kept.length > 0) log(`left in place, since they hold files new-extension did not write: ${kept.join(", ")}`);
}

/**
 * `pnpm new-extension <name> --from <sample>`: copies samples/<sample> to samples/<name> with its
 * identity replaced (package, image, title, labels, socket), then links it into the workspace.
 * The copy is assembled in a hidden folder beside the target and renamed into place, so a failure
 * half-way leaves nothing behind.
 */
export async function newExtension(options: NewExtensionOptions): Promise<NewExtensionResult> {
  const log = options.log ?? (() => undefined);
  const target = join(options.repoRoot, "samples", options.name);
  const plan = await planNewExtension({ ...options, checkNameTaken: true }, target);

  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}-`));
  const written = new WrittenPaths();
  written.dir(staging);
  let files: string[];
  try {
    files = await writeSampleCopy(plan.copy, staging, written);
    await rename(staging, target);
  } catch (error) {
    await undo(written, log);
    throw error;
  }
  log(
    `created ${shellQuote(target)} from samples/${options.from} (${String(files.length)} files): package ${plan.to.name}, image ${plan.to.image}, title ${JSON.stringify(plan.to.title)}`,
  );

  if (options.install ?? true) {
    log("linking it into the workspace: pnpm install --prefer-offline");
    try {
      // The new package is not in the lockfile yet, and pnpm would refuse to add it when CI is set.
      await run("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], {
        cwd: options.repoRoot,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      throw new NewExtensionError(
        "INSTALL_FAILED",
        `${target} was created, but \`pnpm install --prefer-offline\` failed; run \`pnpm install\` at the repository root. ${String(error)}`,
      );
    }
  }
  return { target: resolve(target), identity: plan.to, files };
}
