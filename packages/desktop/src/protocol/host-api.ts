// The host's API as @dext/backend contracts: what an extension's page (`/x/<id>/api`) and the
// dashboard (`/__dext`) may call. Browser-safe: the page, the dashboard and the server import it.
import { createFetchTransport, defineContract, defineRoute } from "@dext/backend/client";
import * as z from "zod/mini";
import { tokenHeader } from "./index.ts";
import type { Transport } from "@dext/backend/client";

const noNul = (what: string) => z.refine<string>((text) => !text.includes("\0"), `${what} contains a NUL byte`);

/**
 * Absolute on the machine the host runs on, written without node:path so the page can load it:
 * `/…` on Linux and macOS, `C:\…` or `\\server\…` on Windows.
 */
const machineAbsolute = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * `cwd` as the target reads it. In the VM it is a container path: absolute (Desktop's example is
 * "/path/in/container") and, as with metadata paths, a `..` segment is refused rather than clamped
 * at "/". On this machine (host, docker) any absolute path; whether it is a folder is checked when
 * the command is prepared.
 */
function cwdProblem(target: string, cwd: string): string | undefined {
  if (target !== "vm")
    return machineAbsolute.test(cwd)
      ? undefined
      : `cwd ${JSON.stringify(cwd)} must be an absolute path on this machine`;
  if (!cwd.startsWith("/")) return `cwd ${JSON.stringify(cwd)} must be an absolute path in the container`;
  if (cwd.split("/").includes("..")) return `cwd ${JSON.stringify(cwd)} leaves the container's root (..)`;
  return undefined;
}

const envName = z
  .string()
  .check(
    z.refine(
      (name) => name !== "" && !name.includes("=") && !name.includes("\0"),
      'not a variable name (empty, or with "=" or NUL)',
    ),
  );

const execRequestSchema = z
  .object({
    target: z.enum(["vm", "host", "docker"]),
    cmd: z.string().check(z.minLength(1), noNul("cmd")),
    args: z.array(z.string().check(noNul("an argument"))),
    /** `ExecOptions.cwd`: a path in the container (vm) or on this machine (host, docker). */
    cwd: z.optional(z.string().check(z.minLength(1), noNul("cwd"))),
    /** `ExecOptions.env`: added to the command's environment; values are strings only. */
    env: z.optional(z.record(envName, z.string().check(noNul("an env value")))),
  })
  .check(
    z.superRefine((request, context) => {
      const problem = request.cwd === undefined ? undefined : cwdProblem(request.target, request.cwd);
      if (problem !== undefined)
        context.issues.push({ code: "custom", message: problem, path: ["cwd"], input: request.cwd });
    }),
  );

export type ExecRequest = z.infer<typeof execRequestSchema>;
export type ExecTarget = ExecRequest["target"];

/** One line of the streamed answer to an exec: output as it comes, then exactly one `exit` or `error`. */
const execEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("stdout"), data: z.string() }),
  z.object({ type: z.literal("stderr"), data: z.string() }),
  z.object({ type: z.literal("exit"), code: z.nullable(z.number()), signal: z.nullable(z.string()) }),
  z.object({ type: z.literal("error"), message: z.string(), code: z.optional(z.string()) }),
]);

export type ExecEvent = z.infer<typeof execEventSchema>;

const httpToken = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// A request target of visible ASCII only: no space, CR, LF or NUL that could split the request line.
const requestTarget = /^\/[\x21-\x7e]*$/;
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

function decodesAsUri(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

/** A `vm.service` call, refused (400) unless it can be forwarded as HTTP unchanged. */
const serviceRequestSchema = z.object({
  url: z
    .string()
    .check(
      z.regex(requestTarget, 'url must be a path of visible ASCII characters starting with "/"'),
      z.refine(decodesAsUri, "url has malformed percent-encoding"),
    ),
  method: z.string().check(z.regex(/^[A-Z]+$/, "method must be an upper-case HTTP method")),
  headers: z.optional(
    z.nullable(
      z.record(
        z.string().check(z.regex(httpToken, "header name is not a valid HTTP token")),
        z.string().check(z.regex(headerValue, "header value has CR, LF or NUL")),
      ),
    ),
  ),
  data: z.optional(z.unknown()),
});

export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

/** What the backend answered, untouched; the client turns it into Desktop's resolve or reject. */
const serviceResponseSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), status: z.number(), contentType: z.string(), body: z.string() }),
  z.object({ ok: z.literal(false), message: z.string(), code: z.optional(z.string()) }),
]);

export type ServiceResponse = z.infer<typeof serviceResponseSchema>;

/** `docker.listContainers` / `listImages` options, passed to the Engine API as its query. */
const engineListOptions = z.optional(z.record(z.string(), z.unknown()));

/** What one extension's page may call on its own origin, under `/x/<id>/api`, with its secret. */
export const extensionApi = defineContract({
  exec: defineRoute({
    method: "POST",
    path: "/exec",
    body: execRequestSchema,
    response: execEventSchema,
    stream: "ndjson",
  }),
  service: defineRoute({
    method: "POST",
    path: "/service",
    body: serviceRequestSchema,
    response: serviceResponseSchema,
  }),
  dockerContainers: defineRoute({
    method: "POST",
    path: "/docker/containers",
    body: engineListOptions,
    response: z.unknown(),
  }),
  dockerImages: defineRoute({ method: "POST", path: "/docker/images", body: engineListOptions, response: z.unknown() }),
});

const extensionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Each extension has an origin of its own (a port of its own), as each has its own webview in Desktop. */
  port: z.optional(z.number()),
  /** Paths on the extension's origin. */
  uiPath: z.optional(z.string()),
  iconPath: z.optional(z.string()),
  source: z.string(),
  vm: z.object({
    state: z.enum(["none", "starting", "running", "exited"]),
    detail: z.optional(z.string()),
  }),
  problems: z.array(z.string()),
});

export type ExtensionSummary = z.infer<typeof extensionSummarySchema>;

/** A folder of this machine as the dashboard's open dialog shows it. */
const folderListingSchema = z.object({
  path: z.string(),
  /** The folder above, or undefined at the root. */
  parent: z.optional(z.string()),
  entries: z.array(z.object({ name: z.string(), path: z.string(), kind: z.enum(["file", "folder"]) })),
  /** The file the asked path named, when it named a file: the dialog opens its folder with it selected. */
  selected: z.optional(z.string()),
  /** More entries than the dialog is sent. */
  truncated: z.boolean(),
});

export type FolderListing = z.infer<typeof folderListingSchema>;

/** What the host tells the dashboard as it happens: an extension's UI changed, so its tab reloads. */
const hostEventSchema = z.object({ type: z.literal("reload"), extensionId: z.string() });

export type HostEvent = z.infer<typeof hostEventSchema>;

/** What only the dashboard may call, under `/__dext`, with the dashboard's secret. */
export const dashboardApi = defineContract({
  extensions: defineRoute({ method: "GET", path: "/extensions", response: z.array(extensionSummarySchema) }),
  /** The open dialog's view of a folder (read only). */
  folder: defineRoute({
    method: "GET",
    path: "/folder",
    query: z.object({ path: z.optional(z.string()) }),
    response: folderListingSchema,
  }),
  events: defineRoute({ method: "GET", path: "/events", response: hostEventSchema, stream: "ndjson" }),
});

/**
 * The transport to the host's API at `base` (`/x/<id>/api`, `/__dext`, or a whole URL from a
 * test), carrying the secret the host gave that page alone, and never a cookie.
 */
export function hostApiTransport(base: string, token: string): Transport {
  return createFetchTransport(base, (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string> | undefined), [tokenHeader]: token },
      credentials: "omit",
    }),
  );
}
