// The tiers point down: tooling/ (configs) → packages/ (libraries) → samples/ (extensions) and the
// root. A library or config that reads a sample, or a script of one that names them, makes the lower
// tier depend on what is built on it; this finds each such reach. A few places exist to hold the
// samples to something and are named below, each with its reason.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** Folders or files (relative to the root, `/`-separated) that may read samples/, and why. */
const mayReadSamples: ReadonlyMap<string, string> = new Map([
  [
    "tooling/conformance",
    "the integration package: validates every sample, as it holds the host and validator to its corpus",
  ],
  ["tooling/new-extension", "copies a sample into a new extension; its tests build and run those copies"],
  ["tooling/workshop", "the workshop's labs start from a copy of a sample"],
  ["tooling/docs-check", "checks every path the READMEs name, the samples' included"],
  ["tooling/docker", "builds and tests each sample's image"],
  ["tooling/github", "the workflows build each sample's image"],
  ["packages/desktop/src/bench", "benchmarks measure real extensions in the host, on demand; no test reads them"],
  ["tooling/workspace-checks/src/tier-direction.ts", "this check: it names what it looks for"],
  ["tooling/workspace-checks/src/tier-direction.test.ts", "this check's test: its fixtures reach up on purpose"],
]);

interface UpwardReach {
  /** The file, relative to the root. */
  file: string;
  line: number;
  what: string;
}

const skipped = new Set(["node_modules", "dist", ".cache", ".turbo", "coverage"]);
const sourceFile = /\.(?:[cm]?[jt]sx?|sh)$/;
/** A relative path that climbs out of its package into samples/ (`../../samples/x`, `../../../samples`). */
const climbsIntoSamples = /(?:\.\.\/)+samples(?:\/|\b)/;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

function allowed(file: string): boolean {
  return [...mayReadSamples.keys()].some((folder) => file === folder || file.startsWith(`${folder}/`));
}

async function sampleNames(root: string): Promise<Set<string>> {
  const names = new Set<string>();
  const samples = await readdir(join(root, "samples"), { withFileTypes: true }).catch(() => []);
  for (const entry of samples) {
    if (!entry.isDirectory()) continue;
    const text = await readFile(join(root, "samples", entry.name, "package.json"), "utf8").catch(() => undefined);
    const name = text === undefined ? undefined : (JSON.parse(text) as { name?: unknown }).name;
    if (typeof name === "string") names.add(name);
  }
  return names;
}

function manifestReaches(file: string, text: string, samples: ReadonlySet<string>): UpwardReach[] {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;
  const found: UpwardReach[] = [];
  for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    for (const name of Object.keys((manifest[field] as Record<string, string> | undefined) ?? {})) {
      if (samples.has(name)) found.push({ file, line: lineOf(`"${name}"`), what: `${field} names the sample ${name}` });
    }
  }
  for (const [name, script] of Object.entries((manifest.scripts as Record<string, string> | undefined) ?? {})) {
    if (script.includes("samples/"))
      found.push({ file, line: lineOf(`"${name}"`), what: `script ${name} names samples/: ${script}` });
  }
  return found;
}

/** Every place under packages/ and tooling/, outside `mayReadSamples`, that depends on or reads a sample. */
export async function findUpwardReaches(root: string): Promise<UpwardReach[]> {
  const samples = await sampleNames(root);
  const found: UpwardReach[] = [];
  for (const tier of ["packages", "tooling"]) {
    for await (const path of files(join(root, tier))) {
      const file = relative(root, path).split("\\").join("/");
      if (allowed(file)) continue;
      const name = file.slice(file.lastIndexOf("/") + 1);
      if (name === "package.json") {
        found.push(...manifestReaches(file, await readFile(path, "utf8"), samples));
        continue;
      }
      if (!sourceFile.test(name)) continue;
      const lines = (await readFile(path, "utf8")).split("\n");
      lines.forEach((text, index) => {
        const match = climbsIntoSamples.exec(text);
        if (match !== null) found.push({ file, line: index + 1, what: `reads ${match[0]}` });
      });
    }
  }
  return found;
}
