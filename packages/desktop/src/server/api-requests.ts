import type { ExecRequest, ServiceRequest } from "../protocol/index.js";

export function isExecRequest(value: unknown): value is ExecRequest {
  const v = value as Partial<ExecRequest> | null;
  return (
    typeof v === "object" && v !== null && (v.target === "vm" || v.target === "host" || v.target === "docker") &&
    typeof v.cmd === "string" && v.cmd !== "" && !v.cmd.includes("\0") &&
    Array.isArray(v.args) && v.args.every((arg) => typeof arg === "string" && !arg.includes("\0"))
  );
}

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// A request target of visible ASCII only: no space, CR, LF or NUL that could split the request line.
const requestTarget = /^\/[\x21-\x7e]*$/;
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why a `vm.service` call cannot be forwarded as HTTP (a 400 for the page), or undefined when it can. */
export function serviceRequestProblem(value: unknown): string | undefined {
  const v = value as { [K in keyof ServiceRequest]?: unknown } | null;
  if (typeof v !== "object" || v === null) return "Expected {url: '/path', method: 'GET'|..., headers, data}";
  if (typeof v.url !== "string" || !requestTarget.test(v.url)) return `url must be a path of visible ASCII characters starting with "/", got ${JSON.stringify(v.url)}`;
  try {
    decodeURI(v.url);
  } catch {
    return `url has malformed percent-encoding: ${JSON.stringify(v.url)}`;
  }
  if (typeof v.method !== "string" || !/^[A-Z]+$/.test(v.method)) return `method must be an upper-case HTTP method, got ${JSON.stringify(v.method)}`;
  if (v.headers !== undefined && v.headers !== null) {
    if (typeof v.headers !== "object" || Array.isArray(v.headers)) return "headers must be an object of strings";
    for (const [name, text] of Object.entries(v.headers)) {
      if (!token.test(name)) return `header name ${JSON.stringify(name)} is not a valid HTTP token`;
      if (typeof text !== "string" || !headerValue.test(text)) return `header ${name} must be a string without CR, LF or NUL`;
    }
  }
  return undefined;
}
