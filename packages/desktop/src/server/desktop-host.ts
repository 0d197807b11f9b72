import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { createHostServer } from "./host-server.js";
import { installFromFolder } from "./installed-extension.js";
import { slugFor } from "./extension-folder.js";
import { installFromImage } from "./image-extension.js";
import { loadPageAssets } from "./page-assets.js";
import { watchUiFolders } from "./ui-watcher.js";
import type { HostEvent } from "./host-server.js";
import type { InstalledExtension } from "./installed-extension.js";

export interface DesktopHostOptions {
  /** Extension folders to install. */
  folders: readonly string[];
  /** Built extension images to install (needs a Docker engine). */
  images?: readonly string[];
  port?: number;
  /** Loopback by default: the host runs the extensions' commands on this machine. */
  hostname?: string;
  /** Build context for every folder, when the automatic search does not fit. */
  context?: string;
  log?: (line: string) => void;
}

export interface DesktopHost {
  readonly url: string;
  readonly extensions: readonly InstalledExtension[];
  stop(): Promise<void>;
}

function slugForImage(image: string): string {
  const name = image.replace(/[:@].*$/, "").split("/").at(-1) ?? "image";
  return `${slugFor(name)}-image`;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Installs the extensions and serves the dashboard. Extensions install one after another (their
 * backends start in parallel with nothing else), and one that fails to install is reported and
 * skipped rather than stopping the others.
 */
export async function startDesktopHost(options: DesktopHostOptions): Promise<DesktopHost> {
  const log = options.log ?? ((line: string) => console.log(line));
  // Short, because socket paths under it must stay under 104 bytes.
  const stateRoot = await mkdtemp("/tmp/dext-host-");
  const extensions: InstalledExtension[] = [];
  const taken = new Set<string>();
  const assets = loadPageAssets();
  const sources = [
    ...options.folders.map((folder) => ({ kind: "folder" as const, ref: folder, id: uniqueId(slugFor(folder), taken) })),
    ...(options.images ?? []).map((image) => ({ kind: "image" as const, ref: image, id: uniqueId(slugForImage(image), taken) })),
  ];
  for (const { kind, ref, id } of sources) {
    try {
      const installOptions = {
        id,
        stateDir: join(stateRoot, id),
        ...(options.context === undefined ? {} : { context: options.context }),
        log: (line: string) => log(`[${id}] ${line}`),
      };
      const installed = kind === "folder" ? await installFromFolder(ref, installOptions) : await installFromImage(ref, installOptions);
      extensions.push(installed);
      for (const problem of installed.problems) log(`[${id}] problem: ${problem}`);
    } catch (error) {
      log(`[${id}] not installed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await assets;
  const subscribers = new Set<(event: HostEvent) => void>();
  const uiFolders = new Map<string, string>();
  for (const extension of extensions) {
    const root = extension.metadata.ui?.["dashboard-tab"]?.root;
    const folder = root === undefined ? undefined : extension.resolveImagePath(root);
    if (folder !== undefined) uiFolders.set(extension.id, folder);
  }
  const stopWatching = watchUiFolders(uiFolders, (extensionId) => {
    log(`[${extensionId}] UI changed: reloading its tab`);
    for (const send of subscribers) send({ type: "reload", extensionId });
  });
  const server = createHostServer({
    extensions: () => extensions,
    subscribe: (send) => {
      subscribers.add(send);
      return () => subscribers.delete(send);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.hostname ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port ?? 0;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${options.hostname ?? "127.0.0.1"}:${port}/`,
    extensions,
    stop: () => {
      stopping ??= (async () => {
        stopWatching();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all(extensions.map((extension) => extension.stop()));
        await rm(stateRoot, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
