import type { v1 } from "@docker/extension-api-client-types";

/** A job status as the fake reports it; tests move it along with `update`. */
export interface FakeJobStatus {
  id: string;
  state: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: number;
  message: string;
  result?: unknown;
  error?: { code: string; message: string; requestId?: string; issues?: { path: string; message: string }[] };
}

export interface FakeJobBackend {
  /** Plug into `createFakeDesktopClient({ extension: { vm: { service: { request } } } })`. */
  readonly request: v1.HttpService["request"];
  /** Every call as `METHOD url`. */
  readonly calls: string[];
  update(id: string, change: Partial<FakeJobStatus>): void;
  /** Makes the next start fail the way Desktop rejects a non-2xx answer. */
  refuseNextStart(status: number, body: unknown): void;
}

/** Desktop rejects a non-2xx `vm.service` answer with `{name, message, statusCode}`, the body as JSON text in `message`. */
export class FakeHttpRejection extends Error {
  readonly statusCode: number;

  constructor(statusCode: number, body: unknown) {
    super(JSON.stringify(body));
    this.statusCode = statusCode;
  }
}

/**
 * The backend side of one job named `name`, held in memory and answering like a dext backend
 * behind Desktop's proxy: `POST /jobs/<name>`, `GET` and `DELETE /jobs/<name>/<id>`.
 */
export function createFakeJobBackend(name: string): FakeJobBackend {
  const jobs = new Map<string, FakeJobStatus>();
  const calls: string[] = [];
  let refusal: { status: number; body: unknown } | undefined;
  const prefix = `/jobs/${name}`;

  const request: v1.HttpService["request"] = (config) => {
    calls.push(`${config.method} ${config.url}`);
    if (config.method === "POST" && config.url === prefix) {
      if (refusal !== undefined) {
        const { status, body } = refusal;
        refusal = undefined;
        return Promise.reject(new FakeHttpRejection(status, body));
      }
      const status: FakeJobStatus = { id: `job-${String(jobs.size + 1)}`, state: "queued", progress: 0, message: "" };
      jobs.set(status.id, status);
      return Promise.resolve({ ...status });
    }
    const id = config.url.startsWith(`${prefix}/`) ? config.url.slice(prefix.length + 1) : "";
    const job = jobs.get(id);
    if (job === undefined) {
      return Promise.reject(
        new FakeHttpRejection(404, { error: { code: "not_found", message: `No ${name} job ${id}` } }),
      );
    }
    if (config.method === "DELETE" && (job.state === "queued" || job.state === "running")) {
      Object.assign(job, { state: "cancelled", message: "Cancelled" });
    }
    return Promise.resolve({ ...job });
  };

  return {
    request,
    calls,
    update: (id, change) => {
      const job = jobs.get(id);
      if (job === undefined) throw new Error(`The fake has no job ${id}`);
      Object.assign(job, change);
    },
    refuseNextStart: (status, body) => {
      refusal = { status, body };
    },
  };
}
