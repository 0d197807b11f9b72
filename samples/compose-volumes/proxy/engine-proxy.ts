import { request as httpRequest } from "node:http";
import { requestOverSocket, silentLogger } from "@dext/backend";
import { helperLabel } from "../backend/engine/helper-container.ts";
import { engineUnreachableMessage } from "../backend/engine/unreachable-message.ts";
import { checkCreateBody } from "./check-create.ts";
import { classifyEngineRequest } from "./engine-routes.ts";
import { parseStrictJson, StrictJsonError } from "./strict-json.ts";
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

/**
 * A body the proxy cannot read (not UTF-8, not JSON, a key named twice): a 400 that the backend's
 * engine client reads like the engine's own (`message`) and that carries dext's one error shape
 * (`error.code`) for anything else that reads it.
 */
function refuseBody(res: ServerResponse, problem: string): void {
  const message = `engine-proxy: ${problem}`;
  const body = JSON.stringify({ message, error: { code: "invalid_input", message } });
  res.writeHead(400, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
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

  // A stream proxy, not requestOverSocket: logs and long reads pass through as they come, unbuffered and unbounded.
  const forward = (req: IncomingMessage, res: ServerResponse, path: string, body?: Buffer): void => {
    // A body is the proxy's own serialisation: only the headers that describe it go with it (no
    // chunked encoding, compression or length of the bytes the backend sent).
    const headers: OutgoingHttpHeaders =
      body === undefined
        ? { ...req.headers, host: "docker" }
        : { host: "docker", "content-type": "application/json", "content-length": body.length };
    const upstream = httpRequest({ socketPath: options.upstream, method: req.method, path, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", (error) => {
      logger.warn("engine unreachable", { upstream: options.upstream, err: error });
      if (res.headersSent) res.destroy(error);
      else refuse(res, 502, engineUnreachableMessage(error));
    });
    res.on("close", () => upstream.destroy());
    if (body !== undefined) upstream.end(body);
    else req.pipe(upstream);
  };

  /** The container's full id if it carries the helper label; the id is then used as given by the engine. */
  const helperId = async (id: string): Promise<string | undefined> => {
    try {
      const answer = await requestOverSocket({
        socketPath: options.upstream,
        path: `/containers/${encodeURIComponent(id)}/json`,
      });
      const container = JSON.parse(answer.body.toString("utf8")) as {
        Id?: unknown;
        Config?: { Labels?: Record<string, unknown> | null };
      };
      const isHelper = answer.status === 200 && container.Config?.Labels?.[helperLabel] === "true";
      return isHelper && typeof container.Id === "string" ? container.Id : undefined;
    } catch {
      return undefined;
    }
  };

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
      if (body === undefined) {
        logger.warn("refused", { method, url, reason: "body too large" });
        refuse(res, 403, `body over ${maxBodyBytes} bytes`);
        return;
      }
      let parsed: unknown;
      try {
        parsed = parseStrictJson(body);
      } catch (error) {
        if (!(error instanceof StrictJsonError)) throw error;
        logger.warn("refused", { method, url, reason: error.message, code: error.code });
        refuseBody(res, error.message);
        return;
      }
      const checked = checkCreateBody(parsed, options.image);
      if (!checked.ok) {
        logger.warn("refused", { method, url, reason: checked.problem });
        refuse(res, 403, checked.problem);
        return;
      }
      // The checked value, not the bytes received: the engine gets exactly what was validated.
      forward(req, res, url, Buffer.from(JSON.stringify(checked.body), "utf8"));
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
