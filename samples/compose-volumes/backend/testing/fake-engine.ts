import { createServer } from "node:http";
import { join } from "node:path";
import { listPath } from "../../helper/list-path.ts";
import { Refusal } from "../../helper/refusal.ts";
import { summarize } from "../../helper/summarize.ts";
import type { IncomingMessage, Server, ServerResponse } from "node:http";

/** A volume of the fake engine: its files are a folder on this machine. */
export interface FakeVolume {
  name: string;
  dir: string;
  labels?: Record<string, string>;
  /** What /system/df reports; -1 for "cannot tell". */
  size: number;
}

export interface FakeContainer {
  id: string;
  name: string;
  state: string;
  labels?: Record<string, string>;
  mounts: { volume: string; destination: string; readOnly: boolean }[];
}

export interface FakeEngine {
  readonly socketPath: string;
  /** Every request as `METHOD /path` without the version prefix. */
  readonly calls: string[];
  /** Bodies of `POST /containers/create`. */
  readonly created: unknown[];
  /** The same bodies as the bytes that arrived, as text. */
  readonly createdRaw: string[];
  /** Containers created and not removed. */
  readonly live: Set<string>;
  close(): Promise<void>;
}

/** A multiplexed log frame, as the engine sends a non-TTY container's output. */
function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text, "utf8");
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json" });
  res.end(text);
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * An Engine API double on a Unix socket, for tests without Docker: the calls this backend makes,
 * with volumes that are folders here, and helper containers that run the helper's own code on
 * them in this process, so browsing and scanning go through the same steps as on an engine.
 */
export async function startFakeEngine(
  socketPath: string,
  options: { volumes: FakeVolume[]; containers?: FakeContainer[] },
): Promise<FakeEngine> {
  const calls: string[] = [];
  const created: unknown[] = [];
  const createdRaw: string[] = [];
  const live = new Set<string>();
  const outputs = new Map<string, { exitCode: number; logs: Buffer }>();
  const specs = new Map<string, { volume: string; args: string[] }>();
  let nextId = 1;

  const runHelper = async (spec: { volume: string; args: string[] }): Promise<{ exitCode: number; logs: Buffer }> => {
    const volume = options.volumes.find((candidate) => candidate.name === spec.volume);
    if (volume === undefined) return { exitCode: 1, logs: frame(2, "no such volume") };
    const [mode, path = ""] = spec.args;
    try {
      const document = mode === "summary" ? await summarize(volume.dir) : await listPath(volume.dir, path);
      return { exitCode: 0, logs: frame(1, `${JSON.stringify(document)}\n`) };
    } catch (error) {
      if (!(error instanceof Refusal)) return { exitCode: 1, logs: frame(2, String(error)) };
      return {
        exitCode: 2,
        logs: frame(1, `${JSON.stringify({ problem: { code: error.code, message: error.message } })}\n`),
      };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://engine");
    const path = url.pathname.replace(/^\/v\d+\.\d+/, "");
    const route = `${req.method ?? "GET"} ${path}`;
    calls.push(route);
    const [, resource, id, action] = path.split("/");
    if (route === "GET /version") return send(res, 200, { Version: "fake-20.10", ApiVersion: "1.41" });
    if (route === "GET /volumes") {
      return send(res, 200, {
        Volumes: options.volumes.map((volume) => ({
          Name: volume.name,
          Driver: "local",
          CreatedAt: "2026-01-01T00:00:00Z",
          Labels: volume.labels ?? null,
        })),
      });
    }
    if (req.method === "GET" && resource === "volumes" && id !== undefined) {
      const found = options.volumes.some((volume) => volume.name === decodeURIComponent(id));
      return found ? send(res, 200, { Name: id }) : send(res, 404, { message: `get ${id}: no such volume` });
    }
    if (route === "GET /system/df") {
      return send(res, 200, {
        Volumes: options.volumes.map((volume) => ({
          Name: volume.name,
          UsageData: { Size: volume.size, RefCount: 0 },
        })),
      });
    }
    if (route === "GET /containers/json") {
      return send(
        res,
        200,
        (options.containers ?? []).map((container) => ({
          Id: container.id,
          Names: [`/${container.name}`],
          State: container.state,
          Labels: container.labels ?? {},
          Created: 0,
          Mounts: container.mounts.map((mount) => ({
            Type: "volume",
            Name: mount.volume,
            Destination: mount.destination,
            RW: !mount.readOnly,
          })),
        })),
      );
    }
    if (route === "POST /containers/create") {
      const text = await readText(req);
      const body = JSON.parse(text) as { Cmd: string[]; HostConfig: { Mounts: { Source: string }[] } };
      created.push(body);
      createdRaw.push(text);
      const containerId = `fake${nextId++}`;
      specs.set(containerId, { volume: body.HostConfig.Mounts[0]?.Source ?? "", args: body.Cmd });
      live.add(containerId);
      return send(res, 201, { Id: containerId, Warnings: [] });
    }
    if (req.method === "GET" && resource === "containers" && action === "json" && id !== undefined) {
      const listed = options.containers?.find((container) => container.id === id);
      if (live.has(id))
        return send(res, 200, { Id: id, Config: { Labels: { "com.dext.compose-volumes.helper": "true" } } });
      if (listed !== undefined)
        return send(res, 200, { Id: listed.id, Config: { Labels: listed.labels ?? {}, Env: ["SECRET=hunter2"] } });
      return send(res, 404, { message: `No such container: ${id}` });
    }
    if (resource === "containers" && id !== undefined && live.has(id)) {
      const spec = specs.get(id);
      if (req.method === "POST" && action === "start" && spec !== undefined) {
        outputs.set(id, await runHelper(spec));
        res.writeHead(204).end();
        return;
      }
      if (req.method === "POST" && action === "wait")
        return send(res, 200, { StatusCode: outputs.get(id)?.exitCode ?? 0 });
      if (req.method === "GET" && action === "logs") {
        res.writeHead(200, { "content-type": "application/vnd.docker.raw-stream" });
        res.end(outputs.get(id)?.logs ?? Buffer.alloc(0));
        return;
      }
      if (req.method === "DELETE" && action === undefined) {
        live.delete(id);
        res.writeHead(204).end();
        return;
      }
    }
    send(res, 404, { message: `fake engine: no route ${route}` });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    calls,
    created,
    createdRaw,
    live,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Shorthand for a fake volume's folder under `root`. */
export function volumeDir(root: string, name: string): string {
  return join(root, "volumes", name);
}
