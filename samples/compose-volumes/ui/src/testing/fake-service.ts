import { createFakeJobBackend, FakeHttpRejection } from "@dext/ui/testing";
import { exportDocumentSchema, exportFormat } from "../../../shared/state.ts";
import type { FakeJobBackend } from "@dext/ui/testing";
import type { v1 } from "@docker/extension-api-client-types";
import type { Volume } from "../../../shared/contract.ts";
import type { Listing } from "../../../shared/listing.ts";
import type { State } from "../../../shared/state.ts";

export interface FakeServiceOptions {
  volumes: Volume[];
  state?: State;
  /** What browsing answers, by `volume:path`; anything else is a 404 as the backend gives it. */
  listings?: Record<string, Listing>;
  /** Rejects every `GET /volumes`, e.g. to stand for an engine that is down. */
  volumesFailure?: FakeHttpRejection;
}

export interface FakeService {
  readonly request: v1.HttpService["request"];
  readonly jobs: FakeJobBackend;
  /** Every call as `METHOD url`. */
  readonly calls: string[];
  /** The state as the fake backend holds it. */
  state: State;
  volumes: Volume[];
}

function notFound(message: string): FakeHttpRejection {
  return new FakeHttpRejection(404, { error: { code: "not_found", message, requestId: "req-fake" } });
}

/**
 * The compose-volumes backend as Desktop's `vm.service` proxy presents it to the UI: answers in the
 * contract's shapes, rejections in Desktop's `{statusCode, message: <body as JSON>}`, imports checked
 * with the real schema, and the size-scan job from @dext/ui's fake job backend.
 */
export function createFakeService(options: FakeServiceOptions): FakeService {
  const jobs = createFakeJobBackend("sizeScan");
  const calls: string[] = [];
  const service: FakeService = {
    jobs,
    calls,
    state: options.state ?? { pinned: [], notes: {} },
    volumes: options.volumes,
    request: (config) => {
      calls.push(`${config.method} ${config.url}`);
      const url = new URL(config.url, "http://backend");
      const [, resource, name, sub] = url.pathname.split("/").map(decodeURIComponent);
      if (resource === "jobs") return jobs.request(config);
      const answer = (value: unknown) => Promise.resolve(structuredClone(value));
      const data = config.data as Record<string, unknown> | undefined;
      if (config.method === "GET" && url.pathname === "/volumes") {
        return options.volumesFailure === undefined
          ? answer({ volumes: service.volumes, engineVersion: "27.0.1" })
          : Promise.reject(options.volumesFailure);
      }
      if (config.method === "GET" && resource === "volumes" && name !== undefined && sub === "files") {
        const path = url.searchParams.get("path") ?? "";
        const listing = options.listings?.[`${name}:${path}`];
        return listing === undefined
          ? Promise.reject(notFound(`Nothing at /${path} in this volume`))
          : answer({ volume: name, listing });
      }
      if (config.method === "GET" && url.pathname === "/state") return answer(service.state);
      if (config.method === "PUT" && resource === "state" && name === "pins" && sub !== undefined) {
        const others = service.state.pinned.filter((pinned) => pinned !== sub);
        service.state = { ...service.state, pinned: data?.pinned === true ? [...others, sub] : others };
        return answer(service.state);
      }
      if (config.method === "PUT" && resource === "state" && name === "notes" && sub !== undefined) {
        const notes = Object.fromEntries(Object.entries(service.state.notes).filter(([volume]) => volume !== sub));
        const note = typeof data?.note === "string" ? data.note : "";
        service.state = { ...service.state, notes: note === "" ? notes : { ...notes, [sub]: note } };
        return answer(service.state);
      }
      if (config.method === "GET" && url.pathname === "/state/export") {
        return answer({
          format: exportFormat,
          version: 1,
          exportedAt: "2026-03-04T05:06:07.000Z",
          state: service.state,
        });
      }
      if (config.method === "POST" && url.pathname === "/state/import") {
        const parsed = exportDocumentSchema.safeParse(config.data);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => ({
            path: ["body", ...issue.path.map(String)].join("."),
            message: issue.message,
          }));
          const body = {
            error: {
              code: "invalid_input",
              message: `Invalid request: ${issues.map((issue) => issue.path).join(", ")}`,
              requestId: "req-import",
              issues,
            },
          };
          return Promise.reject(new FakeHttpRejection(400, body));
        }
        service.state = parsed.data.state;
        return answer(service.state);
      }
      return Promise.reject(notFound(`No route for ${config.method} ${url.pathname}`));
    },
  };
  return service;
}
