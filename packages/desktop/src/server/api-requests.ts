import { isAbsolute } from "node:path";
import type { ExecRequest, ServiceRequest } from "../protocol/index.ts";

/** Why a request cannot be run at all: a 400 for malformed input, a 403 for what the host never allows. */
export interface RequestProblem {
  status: 400 | 403;
  code: "bad_request" | "forbidden";
  message: string;
}

/**
 * Environment names an exec may not set: they make the dynamic loader (glibc's, musl's, macOS's)
 * load other code into the program started, which would turn "only the docker CLI" or "only the
 * extension's binaries" into "any library on this machine".
 */
function isLoaderVariable(name: string): boolean {
  return /^(LD_|DYLD_)/i.test(name);
}

function envProblem(env: unknown): RequestProblem | undefined {
  if (env === undefined) return undefined;
  if (typeof env !== "object" || env === null || Array.isArray(env))
    return { status: 400, code: "bad_request", message: "env must be an object of strings" };
  for (const [name, value] of Object.entries(env)) {
    if (name === "" || name.includes("=") || name.includes("\0"))
      return {
        status: 400,
        code: "bad_request",
        message: `env name ${JSON.stringify(name)} is not a variable name (empty, or with "=" or NUL)`,
      };
    if (typeof value !== "string")
      return {
        status: 400,
        code: "bad_request",
        message: `env.${name} must be a string, got ${value === null ? "null" : typeof value}`,
      };
    if (value.includes("\0")) return { status: 400, code: "bad_request", message: `env.${name} contains a NUL byte` };
    if (isLoaderVariable(name))
      return {
        status: 403,
        code: "forbidden",
        message: `env.${name} is refused: it would make the dynamic loader run other code in the command`,
      };
  }
  return undefined;
}

/**
 * A `cwd` as the target reads it. In the VM it is a container path: absolute (Desktop's example
 * is "/path/in/container") and, as with metadata paths, a `..` segment is refused rather than
 * clamped at "/". On this machine (host, docker) it is any absolute path; whether it is a folder
 * is checked when the command is prepared.
 */
function cwdProblem(target: ExecRequest["target"], cwd: unknown): RequestProblem | undefined {
  if (cwd === undefined) return undefined;
  if (typeof cwd !== "string" || cwd === "" || cwd.includes("\0"))
    return { status: 400, code: "bad_request", message: "cwd must be a non-empty string without NUL" };
  if (target === "vm") {
    if (!cwd.startsWith("/"))
      return {
        status: 400,
        code: "bad_request",
        message: `cwd ${JSON.stringify(cwd)} must be an absolute path in the container`,
      };
    if (cwd.split("/").includes(".."))
      return {
        status: 400,
        code: "bad_request",
        message: `cwd ${JSON.stringify(cwd)} leaves the container's root (..)`,
      };
  } else if (!isAbsolute(cwd)) {
    return {
      status: 400,
      code: "bad_request",
      message: `cwd ${JSON.stringify(cwd)} must be an absolute path on this machine`,
    };
  }
  return undefined;
}

/** Why an exec request cannot be run, or undefined when its shape is one the host runs. */
export function execRequestProblem(value: unknown): RequestProblem | undefined {
  const v = value as { [K in keyof ExecRequest]?: unknown } | null;
  const shape =
    typeof v === "object" &&
    v !== null &&
    (v.target === "vm" || v.target === "host" || v.target === "docker") &&
    typeof v.cmd === "string" &&
    v.cmd !== "" &&
    !v.cmd.includes("\0") &&
    Array.isArray(v.args) &&
    v.args.every((arg) => typeof arg === "string" && !arg.includes("\0"));
  if (!shape)
    return {
      status: 400,
      code: "bad_request",
      message: "Expected {target: vm|host|docker, cmd: string, args: string[], cwd?: string, env?: {name: string}}",
    };
  return cwdProblem(v.target as ExecRequest["target"], v.cwd) ?? envProblem(v.env);
}

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// A request target of visible ASCII only: no space, CR, LF or NUL that could split the request line.
const requestTarget = /^\/[\x21-\x7e]*$/;
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why a `vm.service` call cannot be forwarded as HTTP (a 400 for the page), or undefined when it can. */
export function serviceRequestProblem(value: unknown): string | undefined {
  const v = value as { [K in keyof ServiceRequest]?: unknown } | null;
  if (typeof v !== "object" || v === null) return "Expected {url: '/path', method: 'GET'|..., headers, data}";
  if (typeof v.url !== "string" || !requestTarget.test(v.url))
    return `url must be a path of visible ASCII characters starting with "/", got ${JSON.stringify(v.url)}`;
  try {
    decodeURI(v.url);
  } catch {
    return `url has malformed percent-encoding: ${JSON.stringify(v.url)}`;
  }
  if (typeof v.method !== "string" || !/^[A-Z]+$/.test(v.method))
    return `method must be an upper-case HTTP method, got ${JSON.stringify(v.method)}`;
  if (v.headers !== undefined && v.headers !== null) {
    if (typeof v.headers !== "object" || Array.isArray(v.headers)) return "headers must be an object of strings";
    for (const [name, text] of Object.entries(v.headers)) {
      if (!token.test(name)) return `header name ${JSON.stringify(name)} is not a valid HTTP token`;
      if (typeof text !== "string" || !headerValue.test(text))
        return `header ${name} must be a string without CR, LF or NUL`;
    }
  }
  return undefined;
}
