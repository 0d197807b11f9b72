import { desktopCommandWords } from "@dext/desktop-facts";
import { arch, hostname } from "node:os";
import { posix } from "node:path";
import { listContainers, listImages } from "./docker-engine.ts";
import { dockerCliPath } from "@dext/desktop-facts/node";
import { imagePathFromMetadata } from "./contained-path.ts";
import { machineEnvironment, machineWorkingFolder } from "./exec-environment.ts";
import { sendExecFailure, streamExec } from "./exec-stream.ts";
import { hostExecSpec } from "./host-binaries.ts";
import { cookie, decodePathPart, readJsonBody, sendError, sendJson } from "./http-helpers.ts";
import { injectClient } from "./inject-client.ts";
import { proxyToDevUi } from "./dev-proxy.ts";
import { readRegularFile } from "./read-regular-file.ts";
import { refuseUnauthorized } from "./request-guard.ts";
import { proxyToSocket } from "./service-proxy.ts";
import { sendFile } from "./static-file.ts";
import { vmUnavailableAnswer } from "./vm-unavailable.ts";
import { execRequestProblem, serviceRequestProblem } from "./api-requests.ts";
import type { Logger } from "@dext/backend";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExecRequest, PageConfig } from "../protocol/index.ts";
import type { InstalledExtension } from "./installed-extension.ts";
import type { ProcessGroups } from "./process-group.ts";
import type { CallerPolicy } from "./request-guard.ts";
import type { ExecStartFailure, ProcessSpec } from "./vm-runtime.ts";

/** What one extension's server knows: the extension, its secret, where the dashboard is, the processes it runs. */
export interface ExtensionSite {
  extension: InstalledExtension;
  policy: CallerPolicy;
  chromeOrigins: string[];
  groups: ProcessGroups;
  logger: Logger;
  /** Dev mode: the port of the extension's Vite dev server, which then answers for its UI. */
  devUiPort?: number | undefined;
}

/**
 * A process spec for an exec, or why it cannot start (answered as Desktop would: the reason on
 * stderr, exit 127 for a missing command); a cwd the host refuses throws a DesktopHostError.
 */
async function execSpecFor(
  extension: InstalledExtension,
  request: ExecRequest,
): Promise<ProcessSpec | ExecStartFailure> {
  const options = { cwd: request.cwd, env: request.env ?? {} };
  if (request.target === "vm") {
    if (extension.vm === undefined)
      return { stderr: "This extension has no VM service (no vm section in metadata.json)\n", code: 127 };
    return extension.vm.execSpec(request.cmd, request.args, options);
  }
  if (request.target === "host") return hostExecSpec(extension.binaries, request.cmd, request.args, options);
  // docker.cli.exec runs the docker CLI and nothing else: `cmd` is its first argument, never a program.
  const cwd = await machineWorkingFolder(options.cwd);
  return { file: dockerCliPath(), args: [request.cmd, ...request.args], cwd, env: machineEnvironment(options.env) };
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
    token: site.policy.token,
    chromeOrigins: site.chromeOrigins,
    host: { platform: process.platform, arch: arch(), hostname: hostname() },
    colorScheme: scheme === "dark" || scheme === "light" ? scheme : "system",
  };
  return {
    body: injectClient(html, config, "/__dext/page.js"),
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
  if (tab === undefined) return void sendError(response, 404, "not_found", `${extension.id} has no dashboard-tab`);
  const root = imagePathFromMetadata(tab.root, "ui.dashboard-tab.root");
  const imagePath = posix.normalize(posix.join(root, decodePathPart(rest) || tab.src));
  if (imagePath !== root && !imagePath.startsWith(root.endsWith("/") ? root : `${root}/`)) {
    return void sendError(response, 404, "not_found", "Outside the UI root");
  }
  const file = await extension.resolveImagePath(imagePath);
  if (file === undefined)
    return void sendError(response, 404, "not_found", `Nothing at ${imagePath} in ${extension.id}`);
  const headers = frameHeaders(site);
  if (imagePath.endsWith(".html")) {
    const html = await readRegularFile(file).catch(() => undefined);
    if (html === undefined)
      return void sendError(
        response,
        404,
        "not_found",
        `Nothing at ${imagePath} in ${extension.id} (build the UI first?)`,
      );
    const page = injectedPage(site, request, html);
    response.writeHead(200, page.headers);
    response.end(page.body);
    return;
  }
  if (!(await sendFile(response, file, headers)))
    sendError(response, 404, "not_found", `Nothing at ${imagePath} in ${extension.id}`);
}

async function serveIcon(site: ExtensionSite, response: ServerResponse): Promise<void> {
  const icon = site.extension.metadata.icon;
  const file =
    icon === undefined ? undefined : await site.extension.resolveImagePath(imagePathFromMetadata(icon, "icon"));
  if (file === undefined || !(await sendFile(response, file, { "x-content-type-options": "nosniff" })))
    sendError(response, 404, "not_found", "No icon");
}

async function serveApi(
  site: ExtensionSite,
  api: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { extension } = site;
  const body = await readJsonBody(request);
  if (api === "exec") {
    const problem = execRequestProblem(body);
    if (problem !== undefined) {
      const requestId = sendError(response, problem.status, problem.code, problem.message);
      if (problem.status === 403)
        site.logger.warn("refused", {
          method: request.method ?? "?",
          url: request.url ?? "",
          requestId,
          reason: problem.message,
        });
      return;
    }
    const exec = body as ExecRequest;
    // Desktop's words, not the array's elements: see desktopCommandWords.
    let words;
    try {
      words = desktopCommandWords(exec.cmd, exec.args);
    } catch (error) {
      sendExecFailure(response, {
        stderr: `exec: ${error instanceof Error ? error.message : String(error)}\n`,
        code: 2,
      });
      return;
    }
    const spec = await execSpecFor(extension, { ...exec, ...words });
    if ("stderr" in spec) return sendExecFailure(response, spec);
    const abort = new AbortController();
    response.on("close", () => abort.abort());
    streamExec(spec, site.groups, response, abort.signal);
    return;
  }
  if (api === "service") {
    const problem = serviceRequestProblem(body);
    if (problem !== undefined) return void sendError(response, 400, "bad_request", problem);
    return sendJson(
      response,
      200,
      vmUnavailableAnswer(extension) ??
        (await proxyToSocket(extension.vm?.socketPath, body as Parameters<typeof proxyToSocket>[1])),
    );
  }
  try {
    sendJson(response, 200, await (api === "docker/containers" ? listContainers(body) : listImages(body)));
  } catch (error) {
    sendJson(response, 503, { message: error instanceof Error ? error.message : String(error) });
  }
}

const apis = new Set(["exec", "service", "docker/containers", "docker/images"]);

/** One extension's origin: its UI with the client injected, its icon, and the API only its page may call. */
export async function routeExtension(
  site: ExtensionSite,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  pageScript: () => Promise<string>,
): Promise<void> {
  const method = request.method ?? "GET";
  const prefix = `/x/${site.extension.id}/`;
  if (method === "GET" && pathname === "/__dext/page.js") {
    response.writeHead(200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    response.end(await pageScript());
    return;
  }
  if (!pathname.startsWith(prefix))
    return void sendError(response, 404, "not_found", `No route for ${method} ${pathname}`);
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
  if (!rest.startsWith("api/") || !apis.has(rest.slice(4)))
    return void sendError(response, 404, "not_found", `No route for ${method} ${pathname}`);
  const refused = refuseUnauthorized(request, site.policy, { body: true });
  if (refused !== undefined) {
    const requestId = sendError(response, 403, "forbidden", refused.message);
    site.logger.warn("refused", { method, url: pathname, requestId, reason: refused.message });
    return;
  }
  if (method !== "POST") return void sendError(response, 405, "method_not_allowed", `${method} is not allowed here`);
  await serveApi(site, rest.slice(4), request, response);
}
