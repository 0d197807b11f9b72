import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { BUN_VERSION } from "./targets.ts";
import type { BunRuntime } from "./targets.ts";

const run = promisify(execFile);

/**
 * Shared by every copy of this sample on the machine (runtimes are ~50 MB each and never change
 * for a pinned version): $DEXT_BUN_CACHE, else the user's cache folder.
 */
export function defaultRuntimeCache(): string {
  if (process.env.DEXT_BUN_CACHE !== undefined && process.env.DEXT_BUN_CACHE !== "") return process.env.DEXT_BUN_CACHE;
  const base =
    process.env.XDG_CACHE_HOME ??
    (process.platform === "win32" ? process.env.LOCALAPPDATA : undefined) ??
    join(homedir(), ".cache");
  return join(base, "dext", "bun-runtimes");
}

class RuntimeFetchError extends Error {
  readonly code = "RUNTIME_FETCH_FAILED" as const;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "RuntimeFetchError";
  }
}

function cachedPaths(runtime: BunRuntime, cacheDir: string): { folder: string; binary: string } {
  const folder = join(cacheDir, `${runtime.package.replace("/", "+")}@${BUN_VERSION}`);
  return { folder, binary: join(folder, "package", "bin", runtime.package.includes("windows") ? "bun.exe" : "bun") };
}

/** Whether `runtime` is in `cacheDir` already (fetchBunRuntime would not download it). */
export function isCached(runtime: BunRuntime, cacheDir: string): Promise<boolean> {
  return exists(cachedPaths(runtime, cacheDir).binary);
}

/**
 * The path of a Bun runtime binary, fetched once into `cacheDir` with `npm pack` (so the npm
 * registry, proxy and CA settings already configured for this project apply) and checked against
 * the integrity pinned in targets.ts before it is used. A half-fetched runtime never lands in the
 * cache: it is unpacked in a temp folder and renamed into place.
 */
export async function fetchBunRuntime(runtime: BunRuntime, cacheDir: string): Promise<string> {
  const { folder, binary } = cachedPaths(runtime, cacheDir);
  if (await exists(binary)) return binary;

  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, ".fetch-"));
  try {
    const spec = `${runtime.package}@${BUN_VERSION}`;
    const { stdout } = await run("npm", ["pack", spec, "--pack-destination", work], {
      maxBuffer: 16 * 1024 * 1024,
      shell: process.platform === "win32",
    }).catch((error: unknown) => {
      throw new RuntimeFetchError(`npm pack ${spec} failed: is the npm registry reachable? ${String(error)}`, {
        cause: error,
      });
    });
    // npm names scoped tarballs differently across versions; there is exactly one file here.
    const tarballName = (await readdir(work)).find((name) => name.endsWith(".tgz"));
    if (tarballName === undefined) throw new RuntimeFetchError(`npm pack ${spec} wrote no tarball: ${stdout.trim()}`);
    const tarball = join(work, tarballName);
    const integrity = `sha512-${createHash("sha512")
      .update(await readFile(tarball))
      .digest("base64")}`;
    if (integrity !== runtime.integrity) {
      throw new RuntimeFetchError(
        `${spec} does not match the integrity pinned in build/targets.ts (got ${integrity}); refusing to build with it`,
      );
    }
    const unpacked = join(work, "unpacked");
    await mkdir(unpacked);
    await run("tar", ["-xzf", tarball, "-C", unpacked]);
    await rm(folder, { recursive: true, force: true });
    await rename(unpacked, folder);
    return binary;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Fetches each distinct runtime of `runtimes` side by side (each is a download of tens of MB; one
 * after another they were most of a first build's time) and answers the path of each, in order.
 */
export async function fetchBunRuntimes(runtimes: readonly BunRuntime[], cacheDir: string): Promise<string[]> {
  const fetches = new Map<string, Promise<string>>();
  return Promise.all(
    runtimes.map((runtime) => {
      let fetching = fetches.get(runtime.package);
      if (fetching === undefined) {
        fetching = fetchBunRuntime(runtime, cacheDir);
        fetches.set(runtime.package, fetching);
      }
      return fetching;
    }),
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
