import { request as httpRequest } from "node:http";
import { EngineError } from "./engine-error.ts";
import { engineUnreachableMessage } from "./unreachable-message.ts";
import type { IncomingHttpHeaders } from "node:http";
import type { z } from "zod";

/**
 * Docker Engine API version every call names. 1.41 is Docker 20.10's; later engines (Docker
 * Desktop's included) still serve it, so one backend works against old and new engines alike.
 */
const engineApiVersion = "1.41";

interface EngineRequest {
  method: "GET" | "POST" | "DELETE";
  /** Without the version prefix, e.g. `/volumes`. */
  path: string;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
}

interface EngineResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface EngineClient {
  readonly socketPath: string;
  /** Any status; rejects only when no complete answer arrives. */
  raw(request: EngineRequest): Promise<EngineResponse>;
  /** A 2xx answer's JSON checked against `schema`; anything else rejects with an {@link EngineError}. */
  json<S extends z.ZodType>(schema: S, request: EngineRequest): Promise<z.infer<S>>;
  /** A 2xx answer's body as bytes (logs, empty answers). */
  bytes(request: EngineRequest): Promise<Buffer>;
}

/**
 * Connection errors that mean "not there yet": Desktop starts a compose stack's services together,
 * so the backend can answer its first call before the engine proxy has made its socket. No byte
 * of the request was sent, so trying again is safe for any method.
 */
const notYetListening = new Set(["ENOENT", "ECONNREFUSED"]);

/** Answers over 64 MiB are refused rather than buffered: no listing or log here needs that much. */
const maxResponseBytes = 64 * 1024 * 1024;

function queryString(query: EngineRequest["query"]): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** The engine's own message from an error answer (`{"message": ...}`), else the status text. */
function engineMessage(response: EngineResponse): string {
  try {
    const parsed = JSON.parse(response.body.toString("utf8")) as { message?: unknown };
    if (typeof parsed.message === "string") return parsed.message;
  } catch {
    // Not JSON: fall back to the raw text below.
  }
  return response.body.toString("utf8").trim() || `HTTP ${response.status}`;
}

/**
 * The Docker Engine API over a Unix socket with node:http, no Docker SDK: the few calls this
 * extension makes do not justify a dependency, and every one of them is visible here.
 */
export function createEngineClient(
  socketPath: string,
  options: {
    timeoutMs?: number;
    /** How long a call keeps trying while the socket is missing or refuses (a proxy still starting). */
    connectWaitMs?: number;
  } = {},
): EngineClient {
  const defaultTimeoutMs = options.timeoutMs ?? 30_000;
  const connectWaitMs = options.connectWaitMs ?? 5_000;

  const raw = async (request: EngineRequest): Promise<EngineResponse> => {
    const deadline = Date.now() + connectWaitMs;
    for (let delayMs = 50; ; delayMs = Math.min(delayMs * 2, 500)) {
      try {
        return await attempt(request);
      } catch (error) {
        const cause = (error instanceof EngineError ? error.cause : undefined) as NodeJS.ErrnoException | undefined;
        const retry = notYetListening.has(cause?.code ?? "") && Date.now() + delayMs < deadline;
        if (!retry || request.signal?.aborted === true) throw error;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  };

  const attempt = (request: EngineRequest): Promise<EngineResponse> =>
    new Promise((resolve, reject) => {
      const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
      const path = `/v${engineApiVersion}${request.path}${queryString(request.query)}`;
      const req = httpRequest(
        {
          socketPath,
          path,
          method: request.method,
          headers:
            payload === undefined
              ? {}
              : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
          timeout: request.timeoutMs ?? defaultTimeoutMs,
          signal: request.signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let received = 0;
          res.on("data", (chunk: Buffer) => {
            received += chunk.length;
            if (received > maxResponseBytes) {
              req.destroy(
                new EngineError(
                  "engine_invalid_response",
                  `${request.method} ${request.path}: answer over ${maxResponseBytes} bytes`,
                ),
              );
              return;
            }
            chunks.push(chunk);
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on("error", (cause) =>
            reject(
              new EngineError("engine_unreachable", `${request.method} ${request.path}: connection broke`, { cause }),
            ),
          );
        },
      );
      req.on("timeout", () =>
        req.destroy(
          new EngineError("engine_timeout", `${request.method} ${request.path}: no answer from the engine in time`),
        ),
      );
      req.on("error", (cause: NodeJS.ErrnoException) => {
        if (cause instanceof EngineError) reject(cause);
        // Aborted by the caller: reject with the caller's reason (a cancelled job, a timeout).
        else if (cause.name === "AbortError" && request.signal?.reason instanceof Error) reject(request.signal.reason);
        else reject(new EngineError("engine_unreachable", engineUnreachableMessage(cause), { cause }));
      });
      req.end(payload);
    });

  const bytes = async (request: EngineRequest): Promise<Buffer> => {
    const response = await raw(request);
    if (response.status < 200 || response.status >= 300) {
      throw new EngineError("engine_refused", `${request.method} ${request.path}: ${engineMessage(response)}`, {
        status: response.status,
      });
    }
    return response.body;
  };

  const json = async <S extends z.ZodType>(schema: S, request: EngineRequest): Promise<z.infer<S>> => {
    const body = await bytes(request);
    let data: unknown;
    try {
      data = JSON.parse(body.toString("utf8"));
    } catch (cause) {
      throw new EngineError(
        "engine_invalid_response",
        `${request.method} ${request.path}: the engine answered non-JSON`,
        { cause },
      );
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new EngineError(
        "engine_invalid_response",
        `${request.method} ${request.path}: unexpected answer: ${parsed.error.message}`,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  };

  return { socketPath, raw, json, bytes };
}
