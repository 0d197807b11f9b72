import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

/** The cache server exited, or did not say where it listens, before it was ready. */
class CacheServerStartError extends Error {
  override readonly name = "CacheServerStartError";
  readonly code = "cache_server_start_failed";
}

export interface CacheServerOptions {
  /** The folder the server keeps artifacts in (its local storage provider). */
  storagePath: string;
  /** The bearer token clients must send (TURBO_TOKEN). */
  token: string;
  startTimeoutMs?: number;
}

export interface CacheServer {
  /** What clients set as TURBO_API. */
  url: string;
  /** The file a team's artifact is stored in; its signature tag is this path plus `.tag`. */
  artifactFile(team: string, hash: string): string;
  stop(): Promise<void>;
}

/** The package's own command (its `bin`), which starts the server on the settings in its environment. */
async function serverCommand(): Promise<string> {
  const manifestPath = createRequire(import.meta.url).resolve("turborepo-remote-cache/package.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { bin: Record<string, string> };
  const bin = manifest.bin["turborepo-remote-cache"];
  if (bin === undefined) throw new CacheServerStartError("turborepo-remote-cache names no turborepo-remote-cache bin");
  return join(dirname(manifestPath), bin);
}

/**
 * Starts turborepo-remote-cache on 127.0.0.1 on a port the system picks, with local storage in
 * `storagePath`, and resolves once it listens (its log line says where).
 */
export async function startCacheServer(options: CacheServerOptions): Promise<CacheServer> {
  const child = spawn(process.execPath, [await serverCommand()], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env["PATH"],
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      STORAGE_PROVIDER: "local",
      STORAGE_PATH: options.storagePath,
      // Otherwise STORAGE_PATH is read as a folder under the system's temporary folder.
      STORAGE_PATH_USE_TMP_FOLDER: "false",
      TURBO_TOKEN: options.token,
      // The server only tests that this is set: then it keeps each artifact's signature tag and
      // returns it. It never verifies a signature (the clients do), so it is not given the clients' key.
      TURBO_REMOTE_CACHE_SIGNATURE_KEY: "store-tags",
    },
  });
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail("did not listen"), options.startTimeoutMs ?? 20_000);
    function fail(reason: string): void {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new CacheServerStartError(`turborepo-remote-cache ${reason}:\n${log}`));
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`exited (${String(code ?? signal)})`);
    child.once("exit", onExit);
    createInterface({ input: child.stdout }).on("line", (line) => {
      log += `${line}\n`;
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (listening?.[1] === undefined) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      resolve(listening[1]);
    });
  });

  return {
    url,
    artifactFile: (team, hash) => join(options.storagePath, team, hash),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(killer);
    },
  };
}
