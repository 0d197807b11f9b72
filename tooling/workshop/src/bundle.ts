import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleBackend } from "@dext/backend/build";
import { LabStepError } from "./problems.ts";

/**
 * Packages the attendee's code imports (@dext/backend, zod) are found in their folder's
 * node_modules once `pnpm install` linked it; a folder that was never installed (the tests' copies,
 * or before the install) falls back to this package's own, which the workspace links to the same
 * versions.
 */
const fallbackModules = join(import.meta.dirname, "../node_modules");

/**
 * Bundles one entry of the attendee's TypeScript to a single ES module, the way the sample's
 * `build` script does: plain `node` then starts it quickly, where a TypeScript loader can take
 * seconds on a busy machine.
 */
export async function bundle(dir: string, entry: string, outfile: string): Promise<string> {
  try {
    await bundleBackend({ entryPoints: [join(dir, entry)], outfile, nodePaths: [fallbackModules], logLevel: "silent" });
  } catch (error) {
    const errors =
      (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
    const first = errors[0];
    const where = first?.location ? `${first.location.file}:${String(first.location.line)}` : entry;
    throw new LabStepError(where, `${entry} does not compile: ${first?.text ?? String(error)}`);
  }
  return outfile;
}

/** Bundles and imports a module of the attendee's, e.g. shared/contract.ts. */
export async function importBundled(dir: string, entry: string, workDir: string): Promise<Record<string, unknown>> {
  const outfile = join(workDir, `${entry.replace(/[^\w]+/g, "-")}.mjs`);
  await bundle(dir, entry, outfile);
  return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
}
