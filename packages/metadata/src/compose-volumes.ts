import { isRecord } from "./json-value.ts";

/** One entry of a service's `volumes`, in short (`src:dst`) or long syntax. */
export interface Mount {
  kind: "bind" | "volume" | "anonymous" | "other";
  /** Host path for a bind, volume name for a named volume. */
  source: string;
  target: string;
}

const DOCKER_SOCKETS = new Set(["/var/run/docker.sock", "/run/docker.sock"]);

export function parseMount(entry: unknown): Mount | undefined {
  if (typeof entry === "string") {
    const [source = "", target] = entry.split(":");
    if (target === undefined) return { kind: "anonymous", source: "", target: source };
    // "name:/path" is a named volume; anything path-like ("./x", "/x", "~/x", "a/b") is a bind.
    const isPath = /^[./~$]/.test(source) || source.includes("/");
    return { kind: isPath ? "bind" : "volume", source, target };
  }
  if (!isRecord(entry)) return undefined;
  const type = typeof entry.type === "string" ? entry.type : "volume";
  const source = typeof entry.source === "string" ? entry.source : "";
  const target = typeof entry.target === "string" ? entry.target : "";
  if (type === "bind") return { kind: "bind", source, target };
  if (type === "volume") return { kind: source === "" ? "anonymous" : "volume", source, target };
  return { kind: "other", source, target };
}

/** `./data`, `../x`, `data/x`: compose resolves them against a folder Desktop controls. */
export function isRelativeBind(mount: Mount): boolean {
  const { source } = mount;
  return mount.kind === "bind" && !source.startsWith("/") && !source.startsWith("~") && !source.startsWith("$");
}

export function isDockerSocket(mount: Mount): boolean {
  return mount.kind === "bind" && DOCKER_SOCKETS.has(mount.source);
}
