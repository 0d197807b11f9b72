import { SocketRequestError, requestOverSocket } from "@dext/backend";
import type { ServiceRequest, ServiceResponse } from "../protocol/index.ts";

/** Forwards a `vm.service` call to the extension's socket, as Desktop's proxy does, and returns the answer untouched. */
export async function proxyToSocket(
  socketPath: string | undefined,
  call: ServiceRequest,
  timeoutMs = 60_000,
): Promise<ServiceResponse> {
  if (socketPath === undefined) {
    return {
      ok: false,
      message: "This extension exposes no socket (vm.exposes.socket in metadata.json)",
      code: "ENOSOCKET",
    };
  }
  // Desktop sends no body when `data` is empty (get, head, delete), whatever the method.
  const body =
    call.data === undefined || call.data === null
      ? undefined
      : typeof call.data === "string"
        ? call.data
        : JSON.stringify(call.data);
  const headers: Record<string, string> = { ...call.headers };
  if (body !== undefined) headers["content-type"] ??= "application/json";
  try {
    const answer = await requestOverSocket({
      socketPath,
      method: call.method,
      path: call.url,
      headers,
      body,
      timeoutMs,
    });
    return {
      ok: true,
      status: answer.status,
      contentType: answer.headers["content-type"] ?? "",
      body: answer.body.toString("utf8"),
    };
  } catch (error) {
    return failureAsDesktopShowsIt(error);
  }
}

/** Desktop's proxy reports the system error (`connect ECONNREFUSED ...`), and a silent backend as a hang-up. */
function failureAsDesktopShowsIt(error: unknown): ServiceResponse {
  if (!(error instanceof SocketRequestError)) return { ok: false, message: String(error), code: undefined };
  if (error.code === "socket_timeout") return { ok: false, message: "socket hang up", code: "ECONNRESET" };
  const cause = error.cause instanceof Error ? error.cause : error;
  return { ok: false, message: cause.message, code: error.systemCode ?? error.code };
}
