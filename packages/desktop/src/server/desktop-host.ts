import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { withFields } from "@dext/backend";
import { failedSummary, installedSummary } from "./extension-summary.ts";
import { createExtensionApi } from "./extension-api.ts";
import { routeExtension } from "./extension-server.ts";
import { createGuardedServer, dashboardRoute } from "./host-server.ts";
import { installFolder } from "./install-folder.ts";
import { slugFor } from "./extension-folder.ts";
import { installFromImage } from "./image-extension.ts";
import { loadPageAssets } from "./page-assets.ts";
import { ProcessGroups } from "./process-group.ts";
import { startHostWatchdog } from "./host-watchdog.ts";
import { hostNamesFor, policyFor, refuseForeign } from "./request-guard.ts";
import { createHostLogger } from "./host-logger.ts";
import { watchUiFolders } from "./ui-watcher.ts";
import { findViteConfig, startDevUi } from "./dev-ui-server.ts";
import { proxyDevUpgrade } from "./dev-proxy.ts";
import type { Logger } from "@dext/backend";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { ExtensionSummary, HostEvent } from "../protocol/index.ts";
import type { InstalledExtension } from "./installed-extension.ts";
import type { BuildMode } from "./install-folder.ts";
import type { CallerPolicy } from "./request-guard.ts";

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
  /**
   * Where the host's log goes: one JSON line per event (pino, through @dext/backend's logger) on
   * stdout by default. Lines about an extension carry its id in `extension`, the dashboard's
   * `server: "dashboard"`; an extension's VM service output is relayed a line an event.
   */
  logger?: Logger;
  /**
   * Dev mode, for folders: each extension's UI comes from its own Vite dev server (HMR inside the
   * tab, the client still injected) and its VM service restarts on change.
   */
  dev?: boolean;
  /** When a folder is built into an image and run as one (see BuildMode); `auto` by default, `never` in dev mode (it serves the folder's own files). */
  build?: BuildMode;
}

export interface DesktopHost {
  readonly url: string;
  readonly extensions: readonly InstalledExtension[];
  /** Each installed extension's own origin (`http://127.0.0.1:<port>`), by id. */
  readonly origins: ReadonlyMap<string, string>;
  /** How many processes the host started are still running (exec commands and folder-mode VM services). */
  runningProcesses(): number;
  stop(): Promise<void>;
}

function slugForImage(image: string): string {
  const name =
    image
      .replace(/[:@].*$/, "")
      .split("/")
      .at(-1) ?? "image";
  return `${slugFor(name)}-image`;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** A fresh secret per server per host run: 256 bits, never written anywhere but the page it belongs to. */
const newToken = () => randomBytes(32).toString("base64url");

function listen(server: Server, port: number, hostname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

/** Starts a folder extension's Vite dev server for dev mode; undefined (and the built UI served) when it has none or it fails. */
async function devUiFor(
  extension: InstalledExtension,
  groups: ProcessGroups,
  logger: Logger,
): Promise<number | undefined> {
  if (extension.folder === undefined || extension.metadata.ui?.["dashboard-tab"] === undefined) return undefined;
  if ((await findViteConfig(extension.folder)) === undefined) {
    logger.info(`dev: no vite.config in ${extension.folder}; serving its built UI, reloaded on change`);
    return undefined;
  }
  try {
    const server = await startDevUi({ folder: extension.folder, base: `/x/${extension.id}/ui/`, groups, logger });
    logger.info(`dev: Vite dev server on 127.0.0.1:${server.port}, behind the tab (HMR, client injected)`);
    return server.port;
  } catch (error) {
    logger.warn(
      `dev: Vite did not start, serving the built UI: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/**
 * Installs the extensions and serves the dashboard. Each extension gets an origin of its own (a
 * port of its own) and a secret of its own, as each gets its own webview and client in Desktop,
 * so a tab can only ever act as itself. Extensions install one after another, and one that fails
 * is reported in the dashboard rather than stopping the others.
 */
export async function startDesktopHost(options: DesktopHostOptions): Promise<DesktopHost> {
  const logger = options.logger ?? createHostLogger();
  const dashboardLogger = withFields(logger, { server: "dashboard" });
  const hostname = options.hostname ?? "127.0.0.1";
  // Short, because socket paths under it may be at most 103 bytes (@dext/desktop-facts).
  const stateRoot = await mkdtemp("/tmp/dext-host-");
  // If this process dies without stop() (SIGKILL, a crash), the watchdog ends the process groups
  // it left and removes stateRoot; nothing else would.
  const watchdog = startHostWatchdog(stateRoot);
  const groups = new ProcessGroups(watchdog);
  const assets = loadPageAssets();
  const servers: Server[] = [];
  const subscribers = new Set<(event: HostEvent) => void>();
  const summaries: (() => ExtensionSummary)[] = [];

  let dashboardPolicy: CallerPolicy = { hosts: new Set(), origins: new Set(), token: newToken() };
  const dashboard = createGuardedServer(
    () => dashboardPolicy,
    dashboardLogger,
    dashboardRoute(
      {
        extensions: () => summaries.map((summary) => summary()),
        subscribe: (send) => {
          subscribers.add(send);
          return () => subscribers.delete(send);
        },
        dashboardScript: async () => (await assets).dashboardScript,
      },
      () => dashboardPolicy,
      dashboardLogger,
    ),
  );
  servers.push(dashboard);
  const dashboardPort = await listen(dashboard, options.port ?? 0, hostname);
  dashboardPolicy = policyFor(dashboardPort, hostname, dashboardPolicy.token);
  const chromeOrigins = hostNamesFor(dashboardPort, hostname).map((host) => `http://${host}`);

  const extensions: InstalledExtension[] = [];
  const devServed = new Set<string>();
  const origins = new Map<string, string>();
  const taken = new Set<string>();
  const sources = [
    ...options.folders.map((folder) => ({
      kind: "folder" as const,
      ref: folder,
      id: uniqueId(slugFor(folder), taken),
    })),
    ...(options.images ?? []).map((image) => ({
      kind: "image" as const,
      ref: image,
      id: uniqueId(slugForImage(image), taken),
    })),
  ];
  for (const { kind, ref, id } of sources) {
    const extensionLogger = withFields(logger, { extension: id });
    let installed: InstalledExtension;
    try {
      const installOptions = {
        id,
        stateDir: join(stateRoot, id),
        groups,
        ...(options.context === undefined ? {} : { context: options.context }),
        logger: extensionLogger,
        dev: options.dev === true,
      };
      installed =
        kind === "folder"
          ? await installFolder(ref, installOptions, options.build ?? (options.dev === true ? "never" : "auto"))
          : await installFromImage(ref, installOptions);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      extensionLogger.error(`not installed: ${reason}`);
      summaries.push(() => failedSummary(id, ref, reason));
      continue;
    }
    extensions.push(installed);
    for (const problem of installed.problems) extensionLogger.warn(`problem: ${problem}`);
    let policy: CallerPolicy = { hosts: new Set(), origins: new Set(), token: newToken() };
    const devUiPort = options.dev === true ? await devUiFor(installed, groups, extensionLogger) : undefined;
    if (devUiPort !== undefined) devServed.add(id);
    const guarded = {
      extension: installed,
      get policy() {
        return policy;
      },
      groups,
      logger: extensionLogger,
    };
    const site = {
      extension: installed,
      get policy() {
        return policy;
      },
      chromeOrigins,
      logger: extensionLogger,
      devUiPort,
      api: createExtensionApi(guarded),
    };
    const server = createGuardedServer(
      () => policy,
      extensionLogger,
      (request, response, pathname) => routeExtension(site, request, response, pathname, () => assets),
    );
    if (devUiPort !== undefined) {
      server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        // Vite's HMR socket, checked as every request is: this server's Host, its own Origin, its UI path.
        const refused = refuseForeign(request, policy);
        const path = new URL(request.url ?? "/", "http://host").pathname;
        if (refused !== undefined || !path.startsWith(`/x/${id}/ui/`)) {
          extensionLogger.warn("refused upgrade", {
            url: request.url ?? "",
            reason: refused?.message ?? "not a UI path",
          });
          socket.end("HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
          return;
        }
        proxyDevUpgrade(devUiPort, request, socket, head);
      });
    }
    servers.push(server);
    const port = await listen(server, 0, hostname);
    policy = policyFor(port, hostname, policy.token);
    origins.set(id, `http://${hostname}:${port}`);
    summaries.push(() => installedSummary(installed, port));
  }
  await assets;

  const uiFolders = new Map<string, string>();
  for (const extension of extensions) {
    // A tab on its dev server updates itself (HMR); a reload would only lose its state.
    if (devServed.has(extension.id)) continue;
    const root = extension.metadata.ui?.["dashboard-tab"]?.root;
    const folder = root === undefined ? undefined : await extension.resolveImagePath(root).catch(() => undefined);
    if (folder !== undefined) uiFolders.set(extension.id, folder);
  }
  const stopWatching = watchUiFolders(uiFolders, (extensionId) => {
    logger.info("UI changed: reloading its tab", { extension: extensionId });
    for (const send of subscribers) send({ type: "reload", extensionId });
  });

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${hostname}:${dashboardPort}/`,
    extensions,
    origins,
    runningProcesses: () => groups.size,
    stop: () => {
      stopping ??= (async () => {
        stopWatching();
        await Promise.all(
          servers.map((server) => {
            server.closeAllConnections();
            return new Promise<void>((resolve) => server.close(() => resolve()));
          }),
        );
        // Streams the pages left open end with their connections; whatever is still running ends here.
        await groups.endAll();
        await Promise.all(extensions.map((extension) => extension.stop()));
        await groups.endAll();
        await rm(stateRoot, { recursive: true, force: true });
        watchdog.close();
      })();
      return stopping;
    },
  };
}
