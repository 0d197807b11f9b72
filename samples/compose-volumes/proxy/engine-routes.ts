/**
 * What the engine proxy forwards, by method and path: the reads the backend needs, the creation of
 * helper containers (their settings checked separately), and calls on a container that must be a
 * helper. Everything else (exec, images, networks, other containers, the build API...) is refused.
 */
export type EngineRoute =
  | { kind: "read" }
  | { kind: "create" }
  | { kind: "helper"; id: string; action: string }
  | { kind: "refused"; reason: string };

/** Names, ids and API versions: no `%`, no leading dot, so nothing can climb out with `..` or `%2F`. */
const segment = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

const reads = new Set([
  "GET /_ping",
  "HEAD /_ping",
  "GET /version",
  "GET /volumes",
  "GET /system/df",
  "GET /containers/json",
]);

export function classifyEngineRequest(method: string, url: string): EngineRoute {
  const path = url.split("?")[0] ?? "";
  const segments = path.split("/").slice(1);
  if (path === "" || !segments.every((part) => segment.test(part)))
    return { kind: "refused", reason: `malformed path ${path}` };
  // The version prefix is optional in the Engine API: /v1.41/volumes and /volumes are the same call.
  const parts = /^v\d+\.\d+$/.test(segments[0] ?? "") ? segments.slice(1) : segments;
  const route = `/${parts.join("/")}`;
  if (reads.has(`${method} ${route}`)) return { kind: "read" };
  const [resource, id, action] = parts;
  if (method === "GET" && resource === "volumes" && parts.length === 2) return { kind: "read" };
  if (method === "POST" && route === "/containers/create") return { kind: "create" };
  if (resource === "containers" && id !== undefined) {
    if (method === "DELETE" && parts.length === 2) return { kind: "helper", id, action: "remove" };
    if (method === "GET" && action === "logs" && parts.length === 3) return { kind: "helper", id, action };
    if (method === "POST" && (action === "start" || action === "wait" || action === "kill") && parts.length === 3)
      return { kind: "helper", id, action };
  }
  return { kind: "refused", reason: `${method} ${route} is not a call this extension makes` };
}
