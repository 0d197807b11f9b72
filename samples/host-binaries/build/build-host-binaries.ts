// Compiles doctor/main.ts into the host executables metadata.json names, one per OS and CPU:
//   node --conditions=@dext/source build/build-host-binaries.ts [--arch amd64|arm64|all] [--out dist/host] [--fetch-only]
// The Dockerfile's builder stage passes its TARGETARCH, so an image only carries its own CPU's files.
// Exit codes: 0 done, 1 a build or download failed, 2 a usage error (nothing done).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { defaultRuntimeCache, fetchBunRuntimes, isCached } from "./bun-runtime.ts";
import { withBuildLock } from "./build-lock.ts";
import { verifyMachOSignature } from "./macho-code-signature.ts";
import { signAdHoc } from "./macho-sign.ts";
import { BUN_VERSION, HOST_TARGETS, compilerRuntime, targetsForImageArch } from "./targets.ts";
import type { BunRuntime, HostTarget } from "./targets.ts";

const run = promisify(execFile);
const sampleDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * A host binary reads nothing from the folder it is started in: Bun's compiled executables would
 * otherwise load a .env or bunfig.toml from the user's working directory.
 */
const COMPILE_FLAGS = ["--compile", "--minify", "--no-compile-autoload-dotenv", "--no-compile-autoload-bunfig"];

export interface BuiltBinary {
  os: string;
  arch: string;
  /** Path relative to the sample, e.g. dist/host/linux-amd64/host-doctor. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface HostManifest {
  bunVersion: string;
  /** Hash of the doctor's sources and the build flags: unchanged means the binaries are current. */
  sourceHash: string;
  binaries: BuiltBinary[];
}

export class BuildUsageError extends Error {
  readonly code = "BUILD_USAGE" as const;
  constructor(message: string) {
    super(message);
    this.name = "BuildUsageError";
  }
}

export function selectTargets(arch: string): HostTarget[] {
  if (arch === "all") return [...HOST_TARGETS];
  if (arch === "amd64" || arch === "arm64") return targetsForImageArch(arch);
  throw new BuildUsageError(`--arch must be amd64, arm64 or all, not "${arch}"`);
}

async function sourceHash(): Promise<string> {
  const hash = createHash("sha256").update(BUN_VERSION).update(COMPILE_FLAGS.join(" "));
  // The signer is part of the output too: a fix there must rebuild the macOS files.
  hash.update(await readFile(join(sampleDir, "build", "macho-sign.ts")));
  for (const folder of ["doctor", "shared"]) {
    const files = (await readdir(join(sampleDir, folder)))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .sort();
    for (const file of files) hash.update(file).update(await readFile(join(sampleDir, folder, file)));
  }
  return hash.digest("hex");
}

async function readManifest(path: string): Promise<HostManifest | undefined> {
  return readFile(path, "utf8").then(
    (text) => JSON.parse(text) as HostManifest,
    () => undefined,
  );
}

interface BuildOptions {
  arch: string;
  outDir: string;
  cacheDir: string;
  log?: (line: string) => void;
}

/** The runtimes building `targets` takes: the one that runs the compiler here, then each target's. */
function runtimesFor(targets: readonly HostTarget[]): BunRuntime[] {
  return [compilerRuntime(), ...targets.map((target) => target.runtime)];
}

/**
 * Fetches into `cacheDir` every runtime a build of `arch` takes and builds nothing: a machine's
 * setup (tooling/scripts/bootstrap.sh) does the downloads, so its first test or build need not.
 * Answers how many were fetched; those already cached are not.
 */
export async function fetchHostRuntimes(arch: string, cacheDir: string): Promise<number> {
  const runtimes = runtimesFor(selectTargets(arch));
  const cached = await Promise.all(runtimes.map((runtime) => isCached(runtime, cacheDir)));
  await fetchBunRuntimes(runtimes, cacheDir);
  return new Set(runtimes.filter((_, index) => !cached[index]).map((runtime) => runtime.package)).size;
}

/**
 * Builds what is missing or out of date, holding `<outDir>.lock` meanwhile: the sample's tests
 * build before they run (test/ensure-host-binaries.ts), and turbo runs `test` and `test:e2e` at once.
 */
export async function buildHostBinaries(options: BuildOptions): Promise<HostManifest> {
  const targets = selectTargets(options.arch);
  await mkdir(dirname(options.outDir), { recursive: true });
  return withBuildLock(`${options.outDir}.lock`, () => buildLocked(targets, options), {
    onWait: (holder) => options.log?.(`waiting for the build ${holder} is running into ${options.outDir}`),
  });
}

async function buildLocked(targets: HostTarget[], options: BuildOptions): Promise<HostManifest> {
  const log = options.log ?? (() => undefined);
  const manifestPath = join(options.outDir, "manifest.json");
  const hash = await sourceHash();
  const previous = await readManifest(manifestPath);
  const manifest: HostManifest = { bunVersion: BUN_VERSION, sourceHash: hash, binaries: [] };

  const version = await packageVersion();
  const upToDate = new Map<HostTarget, HostManifest["binaries"][number]>();
  for (const target of targets) {
    const path = binaryPath(options.outDir, target);
    const relativePath = relative(sampleDir, path);
    const current = previous?.sourceHash === hash ? previous.binaries.find((b) => b.path === relativePath) : undefined;
    const onDisk = current === undefined ? undefined : await readFile(path).catch(() => undefined);
    if (
      current !== undefined &&
      onDisk !== undefined &&
      createHash("sha256").update(onDisk).digest("hex") === current.sha256
    )
      upToDate.set(target, current);
  }
  // Every runtime the builds need, fetched before the first build.
  const toBuild = targets.filter((target) => !upToDate.has(target));
  const [compiler = "", ...runtimes] =
    toBuild.length === 0 ? [] : await fetchBunRuntimes(runtimesFor(toBuild), options.cacheDir);
  for (const target of targets) {
    const path = binaryPath(options.outDir, target);
    const relativePath = relative(sampleDir, path);
    const current = upToDate.get(target);
    if (current !== undefined) {
      manifest.binaries.push(current);
      log(`${relativePath}: up to date`);
      continue;
    }
    const runtime = runtimes[toBuild.indexOf(target)];
    if (runtime === undefined) throw new Error(`${relativePath}: no runtime was fetched for it`);
    await mkdir(dirname(path), { recursive: true });
    // Compiled next to its final name and renamed, so an interrupted build leaves no half file.
    const partial = `${path}.partial${target.os === "windows" ? ".exe" : ""}`;
    const started = performance.now();
    await run(
      compiler,
      [
        "build",
        ...COMPILE_FLAGS,
        `--target=${target.bunTarget}`,
        `--compile-executable-path=${runtime}`,
        "--define",
        `HOST_DOCTOR_VERSION=${JSON.stringify(version)}`,
        join(sampleDir, "doctor", "main.ts"),
        "--outfile",
        partial,
      ],
      // Bun writes a temporary `.<hash>.bun-build` file in its working folder while it compiles: in
      // the output folder it is out of the way of the sample's lint, which runs beside the tests'
      // build and failed on a file that vanished while Prettier read the folder.
      { cwd: dirname(path), maxBuffer: 16 * 1024 * 1024 },
    );
    if (target.os === "darwin") await signForMacOS(partial);
    await rename(partial, path);
    await chmod(path, 0o755);
    const bytes = await readFile(path);
    manifest.binaries.push({
      os: target.os,
      arch: target.arch,
      path: relativePath,
      bytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    log(
      `${relativePath}: ${(bytes.byteLength / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  // Renamed into place: a test reading the manifest never sees half of it.
  await writeFile(`${manifestPath}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${manifestPath}.partial`, manifestPath);
  return manifest;
}

/**
 * Bun leaves its x86_64 macOS output with the runtime's now-stale signature (it re-signs arm64
 * only), so every macOS file is signed here, ad hoc, and checked before it counts as built.
 */
async function signForMacOS(path: string): Promise<void> {
  const signed = signAdHoc(await readFile(path), "host-doctor");
  const report = verifyMachOSignature(signed);
  if (report.problems.length > 0)
    throw new Error(`${path}: the new signature does not verify: ${report.problems.join("; ")}`);
  await writeFile(path, signed);
}

function binaryPath(outDir: string, target: HostTarget): string {
  return join(outDir, `${target.os}-${target.arch}`, target.file);
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(sampleDir, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** Where the command writes: the console by default, a collector in tests. */
interface CommandOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/**
 * The command: builds (or with --fetch-only fetches the runtimes) and answers its exit code: 0 done,
 * 1 the build or a download failed, 2 a usage error (an unknown option, a bad --arch), nothing done.
 */
export async function main(argv: string[], output: CommandOutput = console): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        arch: { type: "string", default: process.env.HOST_ARCH ?? "all" },
        out: { type: "string", default: join(sampleDir, "dist", "host") },
        cache: { type: "string", default: defaultRuntimeCache() },
        "fetch-only": { type: "boolean", default: false },
      },
    }));
    selectTargets(values.arch);
  } catch (error) {
    output.error(`build-host-binaries: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const cacheDir = resolve(values.cache);
  try {
    if (values["fetch-only"]) {
      const fetched = await fetchHostRuntimes(values.arch, cacheDir);
      output.log(`Bun runtimes in ${cacheDir}: ${fetched === 0 ? "all cached already" : `${String(fetched)} fetched`}`);
    } else {
      await buildHostBinaries({ arch: values.arch, outDir: resolve(values.out), cacheDir, log: output.log });
    }
    return 0;
  } catch (error) {
    output.error(`build-host-binaries: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
