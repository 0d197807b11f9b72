import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Script, constants } from "node:vm";

export interface StartWithCodeCacheOptions {
  /** The backend bundled as a script (see `scriptBundleOptions`). */
  readonly bundle: string;
  /** V8's cached data for it; `<bundle>.cache` by default. Written here when absent or stale. */
  readonly cache?: string;
}

/**
 * What V8 would otherwise do again at every start: parse the bundle and compile every function
 * the start-up runs. A backend's bundle is mostly zod, much of which runs before the socket
 * listens, so caching its bytecode saves most of the bundle's compile time (docs/benchmarks.md).
 */
export interface CodeCacheStart {
  /** Whether a cache was read and V8 took it. */
  readonly cacheUsed: boolean;
  /** The bundle's top level, settled once the backend listens (its entry awaits `runBackend`). */
  readonly done: Promise<void>;
}

const warningType = "DextCodeCacheWarning";

/**
 * Starts a script-form backend bundle through V8's code cache. V8 refuses a cache made by another
 * Node or V8 version, other V8 flags or another source; it is then compiled as usual, one warning
 * says so, and a fresh cache is written after start-up, so the next start uses it. The cache is
 * made at run time, not in the image build, because only the very Node binary and flags that run
 * the backend are sure to make one V8 accepts (a build stage for another platform is not).
 */
export function startWithCodeCache(options: StartWithCodeCacheOptions): CodeCacheStart {
  const bundle = resolve(options.bundle);
  const cachePath = options.cache ?? `${bundle}.cache`;
  const source = readFileSync(bundle, "utf8");
  const cachedData = readCache(cachePath);
  // The bundle keeps its top-level await inside an async function; `require` and `import.meta.url`
  // are handed in, as a script has neither. No line break after `{`, so stack traces keep the
  // bundle's line numbers.
  const script = new Script(`(async function (require, __dextImportMetaUrl) {${source}\n})`, {
    filename: bundle,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  if (cachedData !== undefined && !cacheUsed) {
    process.emitWarning(
      `V8 refused the code cache ${cachePath} (another Node version or V8 flags?); compiling the bundle, and writing a new cache once started`,
      warningType,
    );
  }
  const run = script.runInThisContext() as (require: NodeJS.Require, importMetaUrl: string) => Promise<void>;
  // process.argv[1] is the loader; the backend reads its flags after it, as when run directly.
  const done = run(createRequire(bundle), pathToFileURL(bundle).href);
  if (!cacheUsed) {
    // After the top level settled, the cache also holds every function the start-up compiled.
    // No rejection handler here: a start-up that throws stays an unhandled rejection, which
    // ends the process with its error as an ES module's top-level await would.
    void done.then(() => {
      setImmediate(() => writeCache(script, cachePath)).unref();
    });
  }
  return { cacheUsed, done };
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    // No cache yet (the first start) or an unreadable one: compile as usual.
    return undefined;
  }
}

function writeCache(script: Script, path: string): void {
  // Written aside and renamed, so a start never reads half a cache.
  const partial = `${path}.${String(process.pid)}.tmp`;
  try {
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, path);
  } catch (error) {
    // A read-only image directory: the backend still works, it only starts without the cache.
    process.emitWarning(
      `Cannot write the code cache ${path}: ${error instanceof Error ? error.message : String(error)}`,
      warningType,
    );
  }
}
