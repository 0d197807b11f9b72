// A child process of the host in dev mode: one extension's own Vite dev server, started from the
// extension's folder with the extension's own Vite and vite.config, on the port the host chose.
//   node vite-dev-child.js <port> <base>      (cwd: the extension folder)
// It prints one `dext-vite-ready <port>` line once Vite listens; everything else is Vite's log.
// It ends when the host does: on SIGTERM, or when its stdin (a pipe from the host) closes.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

interface ViteModule {
  createServer(config: Record<string, unknown>): Promise<{ listen(): Promise<unknown>; close(): Promise<void> }>;
}

/** The extension's own Vite (its dependency, not the host's), found as Node would from its folder. */
async function importVite(folder: string): Promise<ViteModule> {
  const manifestPath = createRequire(join(folder, "package.json")).resolve("vite/package.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { exports?: Record<string, unknown> };
  const root = manifest.exports?.["."];
  const entry =
    typeof root === "string"
      ? root
      : ((root as { import?: unknown; default?: unknown } | undefined)?.import ??
        (root as { default?: unknown } | undefined)?.default);
  if (typeof entry !== "string") throw new Error(`cannot find Vite's ES module entry in ${manifestPath}`);
  return (await import(pathToFileURL(join(dirname(manifestPath), entry)).href)) as ViteModule;
}

const [portArg = "", base = "/"] = process.argv.slice(2);
const port = Number(portArg);
const vite = await importVite(process.cwd());
const server = await vite.createServer({
  // Everything under the extension's UI path on its own origin, where the host proxies it.
  base,
  clearScreen: false,
  server: {
    host: "127.0.0.1",
    port,
    strictPort: true,
    open: false,
    // No CORS headers: only the host (a server, not a page) reads this port, so no other page on
    // this machine, another extension's included, can read the sources or the HMR token from it.
    cors: false,
  },
});
await server.listen();
process.stdout.write(`dext-vite-ready ${port}\n`);

const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// stdin is a pipe from the host: when it closes, the host has ended (even killed), and so does this.
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
