import { createServer } from "node:http";
import { arch, hostname } from "node:os";
import { posix } from "node:path";
import { readFile } from "node:fs/promises";
import { dashboardHtml } from "./dashboard-html.js";
import { listContainers, listImages } from "./docker-engine.js";
import { DesktopHostError } from "./errors.js";
import { streamExec } from "./exec-stream.js";
import { hostExecSpec } from "./host-binaries.js";
import { cookie, readJsonBody, sendError, sendJson } from "./http-helpers.js";
import { injectClient } from "./inject-client.js";
import { loadPageAssets } from "./page-assets.js";
import { proxyToSocket } from "./service-proxy.js";
import { sendFile } from "./static-file.js";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { ExecRequest, ExtensionSummary, PageConfig, ServiceRequest } from "../protocol/index.js";
import type { InstalledExtension } from "./installed-extension.js";
import type { ProcessSpec } from "./vm-runtime.js";

export interface HostServerOptions {
  extensions: () => readonly InstalledExtension[];
  /** Subscribes a dashboard to host events (tab reloads); returns the unsubscribe function. */
  subscribe: (send: (event: HostEvent) => void) => () => void;
}

export interface HostEvent {
  type: "reload";
  extensionId: string;
}

function summary(extension: InstalledExtension): ExtensionSummary {
  const tab = extension.metadata.ui?.["dashboard-tab"];
  const vm = extension.vm?.state() ?? { state: "none" as const, detail: undefined };
  return {
    id: extension.id,
    title: extension.title,
    uiUrl: tab === undefined ? undefined : `/x/${extension.id}/ui/${tab.src}`,
    iconUrl: extension.metadata.icon === undefined ? undefined : `/x/${extension.id}/icon`,
    source: extension.source,
    vm,
    // The VM's state is read live: a backend that dies after install shows up on the next refresh.
    problems: vm.state === "exited" ? [...extension.problems, `VM service stopped: ${vm.detail ?? ""}`] : extension.problems,
  };
}

function isExecRequest(value: unknown): value is ExecRequest {
  const v = value as Partial<ExecRequest> | null;
  return (
    typeof v === "object" && v !== null && (v.target === "vm" || v.target === "host" || v.target === "docker") &&
    typeof v.cmd === "string" && v.cmd !== "" && Array.isArray(v.args) && v.args.every((arg) => typeof arg === "string")
  );
}

function isServiceRequest(value: unknown): value is ServiceRequest {
  const v = value as Partial<ServiceRequest> | null;
  return typeof v === "object" && v !== null && typeof v.url === "string" && v.url.startsWith("/") && typeof v.method === "string" && /^[A-Z]+$/.test(v.method);
}

/** A process spec for an exec, or the reason there is none (answered as Desktop would: output on stderr, exit 127). */
function execSpecFor(extension: InstalledExtension, request: ExecRequest): ProcessSpec | string {
  if (request.target === "vm") {
    if (extension.vm === undefined) return "This extension has no VM service (no vm section in metadata.json)\n";
    return extension.vm.execSpec(request.cmd, request.args);
  }
  if (request.target === "host") {
    const spec = hostExecSpec(extension.binaries, request.cmd, request.args);
    const installed = extension.binaries.names.join(", ") || "none";
    return spec ?? `host binary "${request.cmd}" is not installed by this extension (installed: ${installed})\n`;
  }
  return { file: "docker", args: [request.cmd, ...request.args], cwd: undefined, env: process.env };
}

async function serveUi(extension: InstalledExtension, rest: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const tab = extension.metadata.ui?.["dashboard-tab"];
  if (tab === undefined) return sendError(response, 404, "not_found", `${extension.id} has no dashboard-tab`);
  const root = posix.normalize(tab.root);
  const imagePath = posix.normalize(posix.join(root, decodeURIComponent(rest) || tab.src));
  if (imagePath !== root && !imagePath.startsWith(root.endsWith("/") ? root : `${root}/`)) {
    return sendError(response, 404, "not_found", "Outside the UI root");
  }
  const file = extension.resolveImagePath(imagePath);
  if (file === undefined) return sendError(response, 404, "not_found", `Nothing at ${imagePath} in ${extension.id}`);
  if (imagePath.endsWith(".html")) {
    const html = await readFile(file, "utf8").catch(() => undefined);
    if (html === undefined) return sendError(response, 404, "not_found", `Nothing at ${imagePath} in ${extension.id} (build the UI first?)`);
    const scheme = cookie(request, "dext-scheme");
    const config: PageConfig = {
      extensionId: extension.id,
      image: extension.image,
      apiBase: `/x/${extension.id}/api`,
      host: { platform: process.platform, arch: arch(), hostname: hostname() },
      colorScheme: scheme === "dark" || scheme === "light" ? scheme : "system",
    };
    const body = injectClient(html, config, "/__dext/page.js");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(body);
    return;
  }
  if (!(await sendFile(response, file))) sendError(response, 404, "not_found", `Nothing at ${imagePath} in ${extension.id}`);
}

async function route(options: HostServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://host");
  const method = request.method ?? "GET";
  if (method === "GET" && url.pathname === "/") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(dashboardHtml);
    return;
  }
  if (method === "GET" && (url.pathname === "/__dext/page.js" || url.pathname === "/__dext/dashboard.js")) {
    const assets = await loadPageAssets();
    response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" });
    response.end(url.pathname === "/__dext/page.js" ? assets.pageScript : assets.dashboardScript);
    return;
  }
  if (method === "GET" && url.pathname === "/__dext/extensions") return sendJson(response, 200, options.extensions().map(summary));
  if (method === "GET" && url.pathname === "/__dext/health") return sendJson(response, 200, { status: "ok" });
  if (method === "GET" && url.pathname === "/__dext/events") {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    response.write(": connected\n\n");
    const unsubscribe = options.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
    request.on("close", unsubscribe);
    return;
  }

  const match = /^\/x\/([a-z0-9-]+)\/(ui\/(.*)|icon|api\/(exec|service|docker\/containers|docker\/images))$/.exec(url.pathname);
  const extension = match === null ? undefined : options.extensions().find((candidate) => candidate.id === match[1]);
  if (match === null || extension === undefined) return sendError(response, 404, "not_found", `No route for ${method} ${url.pathname}`);

  if (match[2]?.startsWith("ui/") === true && method === "GET") return serveUi(extension, match[3] ?? "", request, response);
  if (match[2] === "icon" && method === "GET") {
    const file = extension.metadata.icon === undefined ? undefined : extension.resolveImagePath(posix.resolve("/", extension.metadata.icon));
    if (file === undefined || !(await sendFile(response, file))) sendError(response, 404, "not_found", "No icon");
    return;
  }
  if (method !== "POST") return sendError(response, 405, "method_not_allowed", `${method} is not allowed here`);
  const body = await readJsonBody(request);
  const api = match[4];
  if (api === "exec") {
    if (!isExecRequest(body)) return sendError(response, 400, "bad_request", "Expected {target: vm|host|docker, cmd: string, args: string[]}");
    const spec = execSpecFor(extension, body);
    const abort = new AbortController();
    response.on("close", () => abort.abort());
    if (typeof spec === "string") {
      response.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8" });
      response.end(`${JSON.stringify({ type: "stderr", data: spec })}\n${JSON.stringify({ type: "exit", code: 127, signal: null })}\n`);
      return;
    }
    streamExec(spec, response, abort.signal);
    return;
  }
  if (api === "service") {
    if (!isServiceRequest(body)) return sendError(response, 400, "bad_request", "Expected {url: '/path', method: 'GET'|..., headers, data}");
    return sendJson(response, 200, await proxyToSocket(extension.vm?.socketPath, body));
  }
  try {
    sendJson(response, 200, await (api === "docker/containers" ? listContainers(body) : listImages(body)));
  } catch (error) {
    sendJson(response, 503, { message: error instanceof Error ? error.message : String(error) });
  }
}

/** The host's HTTP server: the dashboard, each extension's UI with the client injected, and the API the client calls. */
export function createHostServer(options: HostServerOptions): Server {
  return createServer((request, response) => {
    route(options, request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof DesktopHostError) sendError(response, error.code === "bad_request" ? 400 : 500, error.code, error.message);
      else sendError(response, 500, "internal", error instanceof Error ? error.message : String(error));
    });
  });
}
