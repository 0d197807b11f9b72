import { execFile } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { copySample } from "../../../new-extension/src/copy-sample.ts";
import { readSampleIdentity } from "../../../new-extension/src/sample-identity.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");
const solutionsDir = join(repoRoot, "docs/workshop/solutions");

/** The name the workshop's README tells attendees to use; the reference solutions are written for it. */
const EXTENSION_NAME = "my-extension";

/**
 * What `pnpm new-extension my-extension --from minimal-backend --no-install` leaves, in a throwaway
 * repository of its own: the root files the Dockerfile copies (so `dext validate` finds the same
 * build context as in the real workspace) and samples/my-extension. Short path under /tmp, because
 * the checks put Unix sockets in there too.
 */
export async function freshExtension(): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp("/tmp/dext-lab-");
  for (const file of ["package.json", "pnpm-workspace.yaml", "pnpm-lock.yaml"])
    await cp(join(repoRoot, file), join(root, file));
  const sample = join(repoRoot, "samples/minimal-backend");
  const from = await readSampleIdentity(sample, "minimal-backend");
  const dir = join(root, "samples", EXTENSION_NAME);
  // copySample writes into an existing empty folder, as new-extension's staging folder is.
  await mkdir(dir, { recursive: true });
  await copySample(sample, dir, from, { name: EXTENSION_NAME, title: "My extension", image: `dext/${EXTENSION_NAME}` });
  return { root, dir };
}

const run = promisify(execFile);

/**
 * Lays docs/workshop/solutions/<lab>/ over the folder: the reference solution of that lab. New
 * files are copied; a change to a file the extension already has is a `*.patch`, applied with
 * `git apply`, which refuses it if the sample changed around those lines instead of letting a
 * whole-file copy drift from the sample.
 */
export async function applySolution(lab: number, dir: string): Promise<void> {
  const source = join(solutionsDir, String(lab));
  await cp(source, dir, { recursive: true, force: true, filter: (path) => !path.endsWith(".patch") });
  for (const file of await readdir(source, { recursive: true })) {
    if (file.endsWith(".patch")) await run("git", ["apply", "--whitespace=nowarn", join(source, file)], { cwd: dir });
  }
  // cp keeps modes, but a checkout with core.fileMode off may not have them: scripts must run.
  for (const file of await readdir(source, { recursive: true })) {
    if (file.endsWith(".sh") || file.endsWith("host-info")) {
      const mode = (await stat(join(dir, file))).mode;
      await chmod(join(dir, file), mode | 0o755);
    }
  }
}

/** The start state of lab n: a fresh copy with the solutions of labs 1..n-1 applied. */
export async function labStartState(lab: number): Promise<{ root: string; dir: string }> {
  const state = await freshExtension();
  for (let earlier = 1; earlier < lab; earlier++) await applySolution(earlier, state.dir);
  return state;
}
