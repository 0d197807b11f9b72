import { request } from "node:http";
import type { ServiceRequest, ServiceResponse } from "../protocol/index.ts";

/** Forwards a `vm.service` call to the extension's socket, as Desktop's proxy does, and returns the answer untouched. */
export function proxyToSocket(
  socketPath: string | undefined,
  call: ServiceRequest,
  timeoutMs = 60_000,
): Promise<ServiceResponse> {
  if (socketPath === undefined) {
    return Promise.resolve({
      ok: false,
      message: "This extension exposes no socket (vm.exposes.socket in metadata.json)",
      code: "ENOSOCKET",
    });
  }
  // Desktop sends no body when `data` is empty (get, head, delete), whatever the method.
  const body =
    call.data === undefined || call.data === null
      ? undefined
      : typeof call.data === "string"
        ? call.data
        : JSON.stringify(call.data);
  const headers: Record<string, string | number> = { ...call.headers };
  if (body !== undefined) {
    headers["content-type"] ??= "application/json";
    headers["content-length"] = Buffer.byteLength(body);
  }
  return new Promise((resolve) => {
    const req = request({ socketPath, path: call.url, method: call.method, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) =>
        resolve({ ok: false, message: error.message, code: (error as NodeJS.ErrnoException).code }),
      );
      res.on("end", () =>
        resolve({
          ok: true,
          status: res.statusCode ?? 0,
          contentType: res.headers["content-type"] ?? "",
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })));
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ ok: false, message: error.message, code: error.code }));
    req.end(body);
  });
}
