import { arch, hostname } from "node:os";
import { posix } from "node:path";
import { RouteError } from "@dext/backend";
import { imagePathFromMetadata } from "./contained-path.ts";
import { injectClient } from "./inject-client.ts";
import { proxyToDevUi } from "./dev-proxy.ts";
import { readRegularFile } from "./read-regular-file.ts";
import { serveApiAt } from "./host-server.ts";
import { sendFile } from "./static-file.ts";
import type { BackendApp, Logger } from "@dext/backend";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PageConfig } from "../protocol/index.ts";
import type { InstalledExtension } from "./installed-extension.ts";
import type { PageAssets } from "./page-assets.ts";
import type { CallerPolicy } from "./request-guard.ts";

/** What one extension's server knows: the extension, its secret, where the dashboard is, its API. */
export interface ExtensionSite {
  extension: InstalledExtension;
  policy: CallerPolicy;
  chromeOrigins: string[];
  logger: Logger;
  /** The extension's API (extension-api.ts), served under `/x/<id>/api`. */
  api: BackendApp;
  /** Dev mode: the port of the extension's Vite dev server, which then answers for its UI. */
  devUiPort?: number | undefined;
}

/** Only the dashboard may frame an extension's page, as only Desktop shows an extension's webview. */
function frameAncestors(site: ExtensionSite): string {
  return `frame-ancestors ${site.chromeOrigins.join(" ")}`;
}

function frameHeaders(site: ExtensionSite): Record<string, string> {
  return { "content-security-policy": frameAncestors(site), "x-content-type-options": "nosniff" };
}

/** An extension's HTML page as the host serves it, from its files or from its dev server: the client and this run's secret injected. */
function injectedPage(
  site: ExtensionSite,
  request: IncomingMessage,
  html: string,
): { body: string; headers: Record<string, string> } {
  const { extension } = site;
  const scheme = cookie(request, "dext-scheme");
  const config: PageConfig = {
    extensionId: extension.id,
    image: extension.image,
    apiBase: `/x/${extension.id}/api`,
    apiModuleUrl: pageApiModulePath,
    token: site.policy.token,
    chromeOrigins: site.chromeOrigins,
    host: { platform: process.platform, arch: arch(), hostname: hostname() },
    colorScheme: scheme === "dark" || scheme === "light" ? scheme : "system",
  };
  return {
    body: injectClient(html, config, pageScriptPath),
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      ...frameHeaders(site),
    },
  };
}

async function serveUi(
  site: ExtensionSite,
  rest: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { extension } = site;
  const tab = extension.metadata.ui?.["dashboard-tab"];
  if (tab === undefined) throw notFound(`${extension.id} has no dashboard-tab`);
  const root = imagePathFromMetadata(tab.root, "ui.dashboard-tab.root");
  const imagePath = posix.normalize(posix.join(root, decodePathPart(rest) || tab.src));
  if (imagePath !== root && !imagePath.startsWith(root.endsWith("/") ? root : `${root}/`)) {
    throw notFound("Outside the UI root");
  }
  const file = await extension.resolveImagePath(imagePath);
  if (file === undefined) throw notFound(`Nothing at ${imagePath} in ${extension.id}`);
  const headers = frameHeaders(site);
  if (imagePath.endsWith(".html")) {
    const html = await readRegularFile(file).catch(() => undefined);
    if (html === undefined) throw notFound(`Nothing at ${imagePath} in ${extension.id} (build the UI first?)`);
    const page = injectedPage(site, request, html);
    response.writeHead(200, page.headers);
    response.end(page.body);
    return;
  }
  if (!(await sendFile(response, file, headers))) throw notFound(`Nothing at ${imagePath} in ${extension.id}`);
}

async function serveIcon(site: ExtensionSite, response: ServerResponse): Promise<void> {
  const icon = site.extension.metadata.icon;
  const file =
    icon === undefined ? undefined : await site.extension.resolveImagePath(imagePathFromMetadata(icon, "icon"));
  if (file === undefined || !(await sendFile(response, file, { "x-content-type-options": "nosniff" })))
    throw notFound("No icon");
}

const pageScriptPath = "/__dext/page.js";
const pageApiModulePath = "/__dext/page-api.js";

/** One extension's origin: its UI with the client injected, its icon, and the API only its page may call. */
export async function routeExtension(
  site: ExtensionSite,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  pageAssets: () => Promise<PageAssets>,
): Promise<void> {
  const method = request.method ?? "GET";
  const prefix = `/x/${site.extension.id}/`;
  if (method === "GET" && (pathname === pageScriptPath || pathname === pageApiModulePath)) {
    const assets = await pageAssets();
    response.writeHead(200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    response.end(pathname === pageScriptPath ? assets.pageScript : assets.pageApiModule);
    return;
  }
  if (!pathname.startsWith(prefix)) throw notFound(`No route for ${method} ${pathname}`);
  const rest = pathname.slice(prefix.length);
  if (method === "GET" && rest.startsWith("ui/")) {
    if (site.devUiPort !== undefined)
      return proxyToDevUi(
        site.devUiPort,
        request,
        response,
        (html) => injectedPage(site, request, html),
        frameHeaders(site),
      );
    return serveUi(site, rest.slice(3), request, response);
  }
  if (method === "GET" && rest === "icon") return serveIcon(site, response);
  if (rest.startsWith("api/")) return serveApiAt(site.api, `${prefix}api`, request, response);
  throw notFound(`No route for ${method} ${pathname}`);
}

function notFound(message: string): RouteError {
  return new RouteError("not_found", message);
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `decodeURIComponent` that says a malformed path is the caller's error (400), not the host's (500). */
function decodePathPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (cause) {
    throw new RouteError("invalid_input", `Malformed percent-encoding in ${JSON.stringify(text.slice(0, 200))}`, {
      cause,
    });
  }
}
