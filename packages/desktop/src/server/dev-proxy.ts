import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { RouteError, sendRouteError } from "@dext/backend";
import { tokenHeader } from "../protocol/index.ts";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** What the host answers for an HTML page of the extension's: the page with the client injected, and its headers. */
export type InjectPage = (html: string) => { body: string; headers: Record<string, string> };

// Hop-by-hop headers are this connection's, never forwarded; the page's secret and cookies are the
// host's business, never Vite's; the body comes back uncompressed so HTML can be injected.
const notForwarded = new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "cookie",
  "accept-encoding",
  tokenHeader,
]);
const notReturned = new Set(["connection", "keep-alive", "transfer-encoding"]);

function forwardedHeaders(headers: IncomingHttpHeaders, port: number): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!notForwarded.has(name)) kept[name] = value;
  kept.host = `127.0.0.1:${port}`;
  return kept;
}

/**
 * Answers a tab's request for its UI from the extension's Vite dev server, on the extension's own
 * origin: the same Host/Origin checks as every request (done before), HTML with the host's client
 * injected, everything else (modules, assets) as Vite sent it.
 */
export function proxyToDevUi(
  port: number,
  request: IncomingMessage,
  response: ServerResponse,
  injectPage: InjectPage,
  frameHeaders: Record<string, string>,
): Promise<void> {
  return new Promise((resolve) => {
    const upstream = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: request.method,
        path: request.url,
        headers: forwardedHeaders(request.headers, port),
      },
      (answer) => {
        const type = answer.headers["content-type"] ?? "";
        if (type.startsWith("text/html") && answer.statusCode === 200) {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => {
            const page = injectPage(Buffer.concat(chunks).toString("utf8"));
            response.writeHead(200, page.headers);
            response.end(page.body);
            resolve();
          });
          answer.on("error", () => resolve(void response.destroy()));
          return;
        }
        const headers: Record<string, string | string[]> = { ...frameHeaders };
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !notReturned.has(name)) headers[name] = value;
        }
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
        answer.on("end", () => resolve());
        answer.on("error", () => resolve(void response.destroy()));
      },
    );
    upstream.on("error", (error) => {
      sendRouteError(
        response,
        new RouteError(
          "unavailable",
          `The extension's Vite dev server (127.0.0.1:${port}) did not answer: ${error.message}. Its log is in the host's terminal.`,
        ),
      );
      resolve();
    });
    request.pipe(upstream);
  });
}

/**
 * Joins a tab's WebSocket (Vite's HMR) to the extension's Vite server, byte for byte, once the host
 * has checked the upgrade as it checks every request. Vite checks its own token on top.
 */
export function proxyDevUpgrade(port: number, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  const upstream = connect(port, "127.0.0.1");
  const fail = () => {
    socket.destroy();
    upstream.destroy();
  };
  upstream.once("error", fail);
  socket.once("error", fail);
  upstream.once("connect", () => {
    const lines = [`${request.method ?? "GET"} ${request.url ?? "/"} HTTP/1.1`, `host: 127.0.0.1:${port}`];
    for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
      const name = request.rawHeaders[index] ?? "";
      const lower = name.toLowerCase();
      // The upgrade's own connection and upgrade headers go through; nothing of the host's does.
      if (lower === "host" || lower === "cookie" || lower === tokenHeader) continue;
      lines.push(`${name}: ${request.rawHeaders[index + 1] ?? ""}`);
    }
    upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  upstream.once("close", () => socket.destroy());
  socket.once("close", () => upstream.destroy());
}
