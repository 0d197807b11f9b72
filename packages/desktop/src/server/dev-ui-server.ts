import { access } from "node:fs/promises";
import { createServer } from "node:net";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LogBuffer } from "./log-buffer.ts";
import type { Logger } from "@dext/backend";
import type { ChildProcess } from "node:child_process";
import type { ProcessGroups } from "./process-group.ts";

/** One extension's Vite dev server, run by the host in dev mode, on a loopback port of its own. */
export interface DevUiServer {
  /** Where the host proxies the tab's requests: `http://127.0.0.1:<port>`, never shown to pages. */
  readonly port: number;
  stop(): Promise<void>;
}

const configNames = ["vite.config.ts", "vite.config.mts", "vite.config.js", "vite.config.mjs"];

/** The extension folder's Vite config, if it has one: only such folders get a dev server. */
export async function findViteConfig(folder: string): Promise<string | undefined> {
  for (const name of configNames) {
    const path = join(folder, name);
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  return undefined;
}

/** A port nothing listens on now; Vite binds it with strictPort, and a lost race is retried. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// Beside this file: built, the .js file; from source (pnpm dev, tests), the .ts file, which Node 24
// runs as it is (type stripping).
const ownExtension = extname(fileURLToPath(import.meta.url));
const childScript = fileURLToPath(new URL(`./vite-dev-child${ownExtension}`, import.meta.url));

export interface DevUiOptions {
  folder: string;
  /** The path the tab loads the UI under (`/x/<id>/ui/`): Vite serves everything below it. */
  base: string;
  groups: ProcessGroups;
  logger: Logger;
  readyTimeoutMs?: number;
}

function startOnce(
  options: DevUiOptions,
  port: number,
): Promise<{ child: ChildProcess; inUse: boolean; failure: string | undefined }> {
  const child = options.groups.spawn(
    {
      file: process.execPath,
      args: [childScript, String(port), options.base],
      cwd: options.folder,
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" },
    },
    "pipe",
  );
  return new Promise((resolve) => {
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    const timer = setTimeout(
      () => resolve({ child, inUse: false, failure: `Vite did not listen within ${timeoutMs} ms` }),
      timeoutMs,
    );
    const logs = new LogBuffer(50, (line) => {
      if (!line.startsWith("dext-vite-ready ")) return options.logger.info(`vite: ${line}`);
      clearTimeout(timer);
      resolve({ child, inUse: false, failure: undefined });
    });
    child.stdout?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      const tail = logs.tail(10).join("\n");
      resolve({
        child,
        inUse: /already in use|EADDRINUSE/.test(tail),
        failure: `Vite exited with ${signal ?? `code ${code ?? "?"}`}\n${tail}`,
      });
    });
  });
}

/**
 * Starts the extension's own Vite (its dependency and its vite.config) in a child process on a
 * port the host picked, so every extension's dev server has its own port, whatever its config says.
 */
export async function startDevUi(options: DevUiOptions): Promise<DevUiServer> {
  let last = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const { child, inUse, failure } = await startOnce(options, port);
    if (failure === undefined) return { port, stop: () => options.groups.end(child) };
    await options.groups.end(child);
    last = failure;
    if (!inUse) break;
  }
  throw new Error(last);
}
