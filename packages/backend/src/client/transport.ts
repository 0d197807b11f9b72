import { BackendClientError, kindForStatus } from "./backend-client-error.ts";
import { errorBodySchema } from "./error-body.ts";
import { ndjsonValues, textChunks } from "./ndjson.ts";
import type { HttpMethod } from "./contract.ts";
import type { ErrorBody } from "./error-body.ts";

export interface TransportRequest {
  method: HttpMethod;
  /** Path and query string, e.g. `/hello?name=x`. */
  url: string;
  body?: unknown;
  /** A streamed route's answer: the transport resolves an async iterable of its values once the answer starts. */
  stream?: "ndjson" | undefined;
  /** Aborts the request, a streamed answer included. */
  signal?: AbortSignal | undefined;
}

/**
 * Carries one request to the backend. Resolves the decoded JSON body of a 2xx answer (for a
 * streamed route, an async iterable of its values) and rejects with a {@link BackendClientError}
 * for anything else, so the client sees one error type.
 */
export type Transport = (request: TransportRequest) => Promise<unknown>;

/** Reads dext's error shape out of whatever a failed call carried (object, JSON text, nothing). */
export function parseErrorBody(value: unknown): ErrorBody | undefined {
  let candidate = value;
  if (typeof value === "string") {
    try {
      candidate = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = errorBodySchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

export function errorFromResponse(status: number, body: unknown, fallbackMessage: string): BackendClientError {
  const errorBody = parseErrorBody(body);
  return new BackendClientError({
    kind: kindForStatus(status),
    status,
    body: errorBody,
    message: errorBody?.error.message ?? `${fallbackMessage} (HTTP ${status})`,
  });
}

/** A transport over `fetch`, for a backend served on a TCP port (local debugging, the dext host). */
export function createFetchTransport(baseUrl: string, fetchImpl: typeof fetch = fetch): Transport {
  const base = baseUrl.replace(/\/+$/, "");
  return async (request) => {
    let response: Response;
    try {
      response = await fetchImpl(base + request.url, {
        method: request.method,
        headers: request.body === undefined ? {} : { "content-type": "application/json" },
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal: request.signal ?? null,
      });
    } catch (cause) {
      if (request.signal?.aborted === true) throw cause;
      throw new BackendClientError({ kind: "unavailable", message: `Backend unreachable at ${base}`, cause });
    }
    if (request.stream === "ndjson" && response.ok && response.body !== null)
      return ndjsonValues(textChunks(response.body));
    return answerBody(response.status, await response.text(), response.statusText);
  };
}

/** What a transport resolves for an answer: the JSON of a 2xx (undefined when empty), or the one error type. */
export function answerBody(status: number, text: string, statusText: string): unknown {
  if (status < 200 || status >= 300) throw errorFromResponse(status, text, statusText || "Request failed");
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new BackendClientError({ kind: "invalid_response", status, message: "Backend answered non-JSON", cause });
  }
}
