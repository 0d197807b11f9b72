// zod's core types: a contract may be written with `zod` (classic) or `zod/mini`, which share them.
import type * as z from "zod/v4/core";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One route of a backend, declared once and shared by the server (which validates against it)
 * and the UI (which gets typed results from it). Schemas are zod 4 schemas, classic (`zod`) or `zod/mini`.
 */
export interface RouteDefinition<
  Method extends HttpMethod = HttpMethod,
  Path extends string = string,
  Params extends z.$ZodType | undefined = z.$ZodType | undefined,
  Query extends z.$ZodType | undefined = z.$ZodType | undefined,
  Body extends z.$ZodType | undefined = z.$ZodType | undefined,
  Response extends z.$ZodType = z.$ZodType,
> {
  readonly method: Method;
  /** Express-style path; `:name` segments are path parameters. */
  readonly path: Path;
  readonly params?: Params;
  readonly query?: Query;
  readonly body?: Body;
  readonly response: Response;
  /**
   * "ndjson": the answer is a stream, one JSON value per line as the handler yields it, each checked
   * against `response`: the handler returns an async iterable, the client gets one.
   */
  readonly stream?: "ndjson";
}

export type Contract = Readonly<Record<string, RouteDefinition>>;

type InferOr<S, Fallback> = S extends z.$ZodType ? z.output<S> : Fallback;
type InputOr<S, Fallback> = S extends z.$ZodType ? z.input<S> : Fallback;

/** What a handler receives: inputs already validated and parsed by the route's schemas. */
export interface RouteInput<R extends RouteDefinition> {
  params: InferOr<R["params"], Record<string, never>>;
  query: InferOr<R["query"], Record<string, never>>;
  body: InferOr<R["body"], undefined>;
}

/** What a caller passes: only the parts the route declares. */
export type RouteCallInput<R extends RouteDefinition> = (R["params"] extends z.$ZodType
  ? { params: InputOr<R["params"], never> }
  : { params?: undefined }) &
  (R["query"] extends z.$ZodType ? { query?: InputOr<R["query"], never> } : { query?: undefined }) &
  (R["body"] extends z.$ZodType ? { body: InputOr<R["body"], never> } : { body?: undefined });

/** What a route answers: its `response`, or for a streamed route an async iterable of them. */
export type RouteOutput<R extends RouteDefinition> = R extends { stream: "ndjson" }
  ? AsyncIterable<z.output<R["response"]>>
  : z.output<R["response"]>;

/** Keeps literal types of a route (method, path, schemas) while checking its shape. */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  if (!route.path.startsWith("/")) {
    throw new TypeError(`Route path must start with "/": ${route.path}`);
  }
  return route;
}

/** Keeps literal route names of a contract while checking that there is no duplicate method + path. */
export function defineContract<const C extends Contract>(contract: C): C {
  const seen = new Map<string, string>();
  for (const [name, route] of Object.entries(contract)) {
    const key = `${route.method} ${route.path}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new TypeError(`Routes "${previous}" and "${name}" both declare ${key}`);
    }
    seen.set(key, name);
  }
  return contract;
}

/** Substitutes `:name` segments; values are URI-encoded so a parameter cannot add path segments. */
export function buildPath(path: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, name: string) => {
    const value = params?.[name];
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new TypeError(`Path parameter "${name}" of ${path} must be a string, number or boolean`);
    }
    return encodeURIComponent(String(value));
  });
}
