import { execFile } from "node:child_process";
import { access, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { copySample } from "./copy-sample.js";
import { NewExtensionError } from "./errors.js";
import { checkExtensionName, checkImageName, checkTitle, titleFromName } from "./extension-name.js";
import { readSampleIdentity } from "./sample-identity.js";
import type { Identity } from "./sample-identity.js";
import { workspacePackages } from "./workspace-packages.js";

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

const exists = (path: string) => access(path).then(() => true, () => false);

/** Sample folders: those with a metadata.json. */
export async function listSamples(repoRoot: string): Promise<string[]> {
  const samplesDir = join(repoRoot, "samples");
  const names: string[] = [];
  for (const entry of await readdir(samplesDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith(".") && (await exists(join(samplesDir, entry.name, "metadata.json")))) names.push(entry.name);
  }
  return names.sort();
}

/** Everything that can be refused is checked before the first file is written. */
export async function planNewExtension(options: Pick<NewExtensionOptions, "repoRoot" | "name" | "from" | "title" | "image">, target: string): Promise<{ from: Identity; to: Identity; source: string }> {
  checkExtensionName(options.name);
  if (options.image !== undefined) checkImageName(options.image);
  if (options.title !== undefined) checkTitle(options.title);
  const samples = await listSamples(options.repoRoot);
  if (!samples.includes(options.from)) {
    throw new NewExtensionError("UNKNOWN_SAMPLE", `there is no sample "${options.from}"; choose one of: ${samples.join(", ")}`);
  }
  if (await exists(target)) throw new NewExtensionError("TARGET_EXISTS", `${target} already exists; pick another name or remove it first`);
  const source = join(options.repoRoot, "samples", options.from);
  const from = await readSampleIdentity(source, options.from);
  const image = options.image ?? `${dirname(from.image) === "." ? "" : `${dirname(from.image)}/`}${options.name}`;
  const to: Identity = { name: options.name, title: options.title ?? titleFromName(options.name), image };
  return { from, to, source };
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
  const taken = await workspacePackages(options.repoRoot);
  if (taken.has(options.name)) throw new NewExtensionError("NAME_TAKEN", `a workspace package is already named "${options.name}"`);
  const plan = await planNewExtension(options, target);

  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}-`));
  let files: string[];
  try {
    files = await copySample(plan.source, staging, plan.from, plan.to);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  log(`created ${target} from samples/${options.from} (${String(files.length)} files): package ${plan.to.name}, image ${plan.to.image}, title "${plan.to.title}"`);

  if (options.install ?? true) {
    log("linking it into the workspace: pnpm install --offline");
    try {
      await run("pnpm", ["install", "--offline"], { cwd: options.repoRoot, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      throw new NewExtensionError("INSTALL_FAILED", `${target} was created, but \`pnpm install --offline\` failed; run \`pnpm install\` at the repository root. ${String(error)}`);
    }
  }
  return { target: resolve(target), identity: plan.to, files };
}
