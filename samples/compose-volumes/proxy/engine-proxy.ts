import { request as httpRequest } from "node:http";
import { silentLogger } from "@dext/backend";
import { helperLabel } from "../backend/engine/helper-container.js";
import { createBodyProblem } from "./check-create.js";
import { classifyEngineRequest } from "./engine-routes.js";
import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "@dext/backend";

export interface EngineProxyOptions {
  /** The engine's socket, e.g. /var/run/docker.sock (the VM's docker.sock.raw mounted there). */
  upstream: string;
  /** The only image helper containers may run: the extension's own. */
  image: string | undefined;
  logger?: Logger;
}

/** Largest create body read; a helper's is under 1 KiB. */
const maxBodyBytes = 64 * 1024;

/** Answers like the engine does (`{"message": ...}`), so the backend reports it as an engine error. */
function refuse(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ message: `engine-proxy: ${message}` });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(undefined);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * A Docker Engine API proxy that lets through only what the volume inspector needs. The backend,
 * which handles requests from the UI, talks to this instead of the engine: a bug in it can list
 * volumes and run read-only helpers, but not start a privileged container or delete the user's.
 */
export function createEngineProxy(options: EngineProxyOptions): RequestListener {
  const logger = options.logger ?? silentLogger;

  const forward = (req: IncomingMessage, res: ServerResponse, path: string, body?: Buffer): void => {
    const headers: OutgoingHttpHeaders = { ...req.headers, host: "docker" };
    if (body !== undefined) headers["content-length"] = body.length;
    const upstream = httpRequest({ socketPath: options.upstream, method: req.method, path, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", (error) => {
      if (res.headersSent) res.destroy(error);
      else refuse(res, 502, `the engine at ${options.upstream} did not answer: ${error.message}`);
    });
    res.on("close", () => upstream.destroy());
    if (body !== undefined) upstream.end(body);
    else req.pipe(upstream);
  };

  /** The container's full id if it carries the helper label; the id is then used as given by the engine. */
  const helperId = (id: string): Promise<string | undefined> =>
    new Promise((resolve) => {
      const inspect = httpRequest({ socketPath: options.upstream, method: "GET", path: `/containers/${encodeURIComponent(id)}/json` }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          try {
            const container = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { Id?: unknown; Config?: { Labels?: Record<string, unknown> | null } };
            const isHelper = answer.statusCode === 200 && container.Config?.Labels?.[helperLabel] === "true";
            resolve(isHelper && typeof container.Id === "string" ? container.Id : undefined);
          } catch {
            resolve(undefined);
          }
        });
      });
      inspect.on("error", () => resolve(undefined));
      inspect.end();
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const route = classifyEngineRequest(method, url);
    if (route.kind === "refused") {
      logger.warn("refused", { method, url, reason: route.reason });
      refuse(res, 403, route.reason);
      return;
    }
    if (route.kind === "read") {
      forward(req, res, url);
      return;
    }
    if (route.kind === "create") {
      const body = await readBody(req);
      let parsed: unknown;
      try {
        parsed = body === undefined ? undefined : JSON.parse(body.toString("utf8"));
      } catch {
        parsed = undefined;
      }
      const problem = body === undefined ? `body over ${maxBodyBytes} bytes` : createBodyProblem(parsed, options.image);
      if (problem !== undefined) {
        logger.warn("refused", { method, url, reason: problem });
        refuse(res, 403, problem);
        return;
      }
      forward(req, res, url, body);
      return;
    }
    const id = await helperId(route.id);
    if (id === undefined) {
      logger.warn("refused", { method, url, reason: "not a helper container" });
      // 404 rather than 403: to the backend, a container it may not touch might as well not exist.
      refuse(res, 404, `no helper container ${route.id}`);
      return;
    }
    forward(req, res, url.replace(`/containers/${route.id}`, `/containers/${id}`));
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error("proxy failure", { url: req.url, err: error });
      if (!res.headersSent) refuse(res, 500, "internal error");
      else res.destroy();
    });
  };
}
