import { SocketRequestError, requestOverSocket } from "@dext/backend";
import { EngineError } from "./engine-error.ts";
import { engineUnreachableMessage } from "./unreachable-message.ts";
import type { SocketResponse } from "@dext/backend";
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

type EngineResponse = Pick<SocketResponse, "status" | "headers" | "body">;

export interface EngineClient {
  readonly socketPath: string;
  /** Any status; rejects only when no complete answer arrives. */
  raw(request: EngineRequest): Promise<EngineResponse>;
  /** A 2xx answer's JSON checked against `schema`; anything else rejects with an {@link EngineError}. */
  json<S extends z.ZodType>(schema: S, request: EngineRequest): Promise<z.infer<S>>;
  /** A 2xx answer's body as bytes (logs, empty answers). */
  bytes(request: EngineRequest): Promise<Buffer>;
}

/** Answers over 64 MiB are refused rather than buffered: no listing or log here needs that much. */
const maxResponseBytes = 64 * 1024 * 1024;

function queryString(query: EngineRequest["query"]): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** What a failed call means here; the caller's abort reason (a cancelled job, a timeout) stays as it is. */
function engineErrorFor(error: unknown, request: EngineRequest): Error {
  if (error === request.signal?.reason && error instanceof Error) return error;
  const what = `${request.method} ${request.path}`;
  if (!(error instanceof SocketRequestError))
    return new EngineError("engine_unreachable", engineUnreachableMessage(error), { cause: error });
  switch (error.code) {
    case "socket_timeout":
      return new EngineError("engine_timeout", `${what}: no answer from the engine in time`, { cause: error });
    case "response_too_large":
      return new EngineError("engine_invalid_response", `${what}: answer over ${maxResponseBytes} bytes`, {
        cause: error,
      });
    default:
      // The system error (ENOENT, ECONNREFUSED...) says what to tell the user, without the socket's path.
      return new EngineError("engine_unreachable", engineUnreachableMessage(error.cause), {
        cause: error.cause ?? error,
      });
  }
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
 * The Docker Engine API over a Unix socket with `requestOverSocket` of `@dext/backend`, no Docker
 * SDK: the few calls this extension makes do not justify a dependency, and every one of them is visible here.
 */
export function createEngineClient(
  socketPath: string,
  options: {
    timeoutMs?: number;
    /**
     * How long a call keeps trying while the socket is missing or refuses: Desktop starts a compose
     * stack's services together, so the backend can make its first call before the engine proxy
     * has made its socket.
     */
    connectWaitMs?: number;
  } = {},
): EngineClient {
  const defaultTimeoutMs = options.timeoutMs ?? 30_000;
  const connectWaitMs = options.connectWaitMs ?? 5_000;

  const raw = async (request: EngineRequest): Promise<EngineResponse> => {
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    try {
      return await requestOverSocket({
        socketPath,
        method: request.method,
        path: `/v${engineApiVersion}${request.path}${queryString(request.query)}`,
        headers: payload === undefined ? {} : { "content-type": "application/json" },
        body: payload,
        timeoutMs: request.timeoutMs ?? defaultTimeoutMs,
        signal: request.signal,
        maxResponseBytes,
        connectWaitMs,
      });
    } catch (error) {
      throw engineErrorFor(error, request);
    }
  };

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
