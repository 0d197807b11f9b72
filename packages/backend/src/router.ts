import { RouteError } from "./errors.ts";
import type { HttpMethod, RouteDefinition } from "./client/contract.ts";

export interface RouteEntry {
  readonly name: string;
  readonly route: RouteDefinition;
}

export type RouteMatch<E extends RouteEntry = RouteEntry> =
  | { readonly kind: "route"; readonly entry: E; readonly params: Record<string, string> }
  /** The path exists, but not for this method. */
  | { readonly kind: "method_not_allowed"; readonly allowed: readonly string[] }
  | { readonly kind: "none" };

interface ParamRoute<E extends RouteEntry> {
  readonly entry: E;
  /** Literal segments as strings, `:name` segments as `{ param }`. */
  readonly segments: readonly (string | { readonly param: string })[];
}

function splitPath(path: string): string[] {
  return path.split("/").slice(1);
}

/**
 * Matches a request path exactly as the contract declares it: case-sensitive, no trailing slash,
 * `:name` segments matching one non-empty segment. Static paths are one map lookup, which is
 * most of why this is cheaper per request than a general-purpose router.
 */
export function createRouter<E extends RouteEntry>(
  entries: readonly E[],
): (method: string, path: string) => RouteMatch<E> {
  const statics = new Map<string, Map<string, E>>();
  const params: ParamRoute<E>[] = [];
  for (const entry of entries) {
    const { method, path } = entry.route;
    if (!path.includes(":")) {
      const byMethod = statics.get(path) ?? new Map<string, E>();
      byMethod.set(method, entry);
      statics.set(path, byMethod);
    } else {
      const segments = splitPath(path).map((segment) =>
        segment.startsWith(":") ? { param: segment.slice(1) } : segment,
      );
      params.push({ entry, segments });
    }
  }

  const decode = (value: string, name: string): string => {
    try {
      return decodeURIComponent(value);
    } catch {
      throw new RouteError("invalid_input", `Path parameter "${name}" is not valid percent-encoding`, {
        issues: [{ path: `params.${name}`, message: "not valid percent-encoding" }],
      });
    }
  };

  const matchParams = (candidate: ParamRoute<E>, parts: readonly string[]): Record<string, string> | undefined => {
    if (candidate.segments.length !== parts.length) return undefined;
    const found: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const segment = candidate.segments[i];
      const part = parts[i] ?? "";
      if (typeof segment === "string") {
        if (segment !== part) return undefined;
      } else if (segment !== undefined) {
        if (part === "") return undefined;
        found[segment.param] = part;
      }
    }
    return found;
  };

  return (requestMethod, path) => {
    // HEAD is a GET whose body Node leaves out.
    const method = (requestMethod === "HEAD" ? "GET" : requestMethod) as HttpMethod;
    const byMethod = statics.get(path);
    if (byMethod !== undefined) {
      const entry = byMethod.get(method);
      return entry !== undefined
        ? { kind: "route", entry, params: {} }
        : { kind: "method_not_allowed", allowed: [...byMethod.keys()] };
    }
    const parts = splitPath(path);
    const allowed: string[] = [];
    for (const candidate of params) {
      const raw = matchParams(candidate, parts);
      if (raw === undefined) continue;
      if (candidate.entry.route.method !== method) {
        allowed.push(candidate.entry.route.method);
        continue;
      }
      const decoded: Record<string, string> = {};
      for (const [name, value] of Object.entries(raw)) decoded[name] = decode(value, name);
      return { kind: "route", entry: candidate.entry, params: decoded };
    }
    return allowed.length > 0 ? { kind: "method_not_allowed", allowed } : { kind: "none" };
  };
}
