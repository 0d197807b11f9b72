import { safeParse } from "zod/v4/core";
import { ensureZodMessages } from "./zod-messages.ts";
import { BackendClientError } from "./backend-client-error.ts";
import { buildPath } from "./contract.ts";
import type { Contract, RouteCallInput, RouteDefinition, RouteOutput } from "./contract.ts";
import type { Transport } from "./transport.ts";

/** A call's input, and a signal that aborts it (a streamed answer included). */
type CallInput<R extends RouteDefinition> = RouteCallInput<R> & { signal?: AbortSignal | undefined };

type RouteCaller<R extends RouteDefinition> =
  Record<string, never> extends RouteCallInput<R>
    ? (input?: CallInput<R>) => Promise<RouteOutput<R>>
    : (input: CallInput<R>) => Promise<RouteOutput<R>>;

/** One typed function per route of the contract. */
export type BackendClient<C extends Contract> = { readonly [K in keyof C]: RouteCaller<C[K]> };

export interface RetryOptions {
  /** Total attempts for an `unavailable` failure of a GET; 1 disables retrying. */
  attempts: number;
  /** Delay before the second attempt; doubles each time. */
  initialDelayMs: number;
}

export interface BackendClientOptions {
  retry?: Partial<RetryOptions>;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultRetry: RetryOptions = { attempts: 3, initialDelayMs: 250 };

function toQueryString(query: unknown): string {
  if (query === undefined || query === null) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

function checked(route: RouteDefinition, data: unknown): unknown {
  const parsed = safeParse(route.response, data);
  if (parsed.success) return parsed.data;
  throw new BackendClientError({
    kind: "invalid_response",
    message: `Response of ${route.method} ${route.path} does not match the contract: ${parsed.error.message}`,
    cause: parsed.error,
  });
}

async function* checkedValues(route: RouteDefinition, values: AsyncIterable<unknown>): AsyncGenerator {
  for await (const value of values) yield checked(route, value);
}

/**
 * A typed client for a contract. Results are checked against the route's response schema, so a
 * backend that drifted from the contract fails loudly as `invalid_response` instead of handing
 * the UI data of the wrong shape. Only GETs are retried, and only while the backend is unavailable
 * (as after `docker extension update`), because a POST may have been applied before the failure.
 */
export function createBackendClient<C extends Contract>(
  contract: C,
  transport: Transport,
  options: BackendClientOptions = {},
): BackendClient<C> {
  ensureZodMessages();
  const retry = { ...defaultRetry, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const call = async (
    route: RouteDefinition,
    input: Partial<Record<"params" | "query" | "body" | "signal", unknown>> = {},
  ) => {
    const url = buildPath(route.path, input.params as Record<string, unknown> | undefined) + toQueryString(input.query);
    const attempts = route.method === "GET" ? Math.max(1, retry.attempts) : 1;
    const signal = input.signal as AbortSignal | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        const data = await transport({ method: route.method, url, body: input.body, stream: route.stream, signal });
        // A streamed answer is checked value by value, as each arrives.
        if (route.stream === "ndjson") return checkedValues(route, data as AsyncIterable<unknown>);
        return checked(route, data);
      } catch (error) {
        const retriable = error instanceof BackendClientError && error.kind === "unavailable";
        if (!retriable || attempt >= attempts) throw error;
        await sleep(retry.initialDelayMs * 2 ** (attempt - 1));
      }
    }
  };

  const client: Record<string, unknown> = {};
  for (const [name, route] of Object.entries(contract)) {
    client[name] = (input?: Partial<Record<"params" | "query" | "body" | "signal", unknown>>) => call(route, input);
  }
  return client as BackendClient<C>;
}
