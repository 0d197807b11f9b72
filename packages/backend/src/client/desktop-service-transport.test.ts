import { describe, expect, it } from "vitest";
import { greetingContract } from "../testing/greeting-contract.ts";
import { BackendClientError } from "./backend-client-error.ts";
import { createBackendClient } from "./create-backend-client.ts";
import { createDesktopServiceTransport, errorFromDesktopRejection } from "./desktop-service-transport.ts";
import type { BackendErrorKind } from "./backend-client-error.ts";
import type { DesktopHttpService } from "./desktop-service-transport.ts";

function desktopService(
  handler: (config: Parameters<DesktopHttpService["request"]>[0]) => Promise<unknown>,
): DesktopHttpService {
  return { request: handler };
}

const dextBody = (code: string, message: string) => ({ error: { code, message, requestId: "r1" } });

describe("createDesktopServiceTransport", () => {
  it("sends method, URL and JSON body through vm.service.request", async () => {
    const configs: unknown[] = [];
    const client = createBackendClient(
      greetingContract,
      createDesktopServiceTransport(
        desktopService((config) => (configs.push(config), Promise.resolve({ text: "aa" }))),
      ),
    );
    await client.echo({ body: { text: "a", times: 2 } });
    expect(configs).toEqual([
      { url: "/echo", method: "POST", headers: { "content-type": "application/json" }, data: { text: "a", times: 2 } },
    ]);
  });

  it("turns Desktop's 'socket hang up' rejection without a status into unavailable", async () => {
    const client = createBackendClient(
      greetingContract,
      createDesktopServiceTransport(
        desktopService(() => Promise.reject({ statusCode: undefined, message: "socket hang up" })),
      ),
      { retry: { attempts: 1 } },
    );
    const error = await client.hello().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendClientError);
    expect(error).toMatchObject({ kind: "unavailable", message: "Backend unavailable: socket hang up" });
  });

  it("reads dext's error body out of Desktop's message and keeps its issues", async () => {
    const body = {
      error: {
        code: "invalid_input",
        message: "Invalid request: body.times",
        requestId: "r1",
        issues: [{ path: "body.times", message: "Too big" }],
      },
    };
    const client = createBackendClient(
      greetingContract,
      createDesktopServiceTransport(
        desktopService(() => Promise.reject({ name: "Error", statusCode: 400, message: JSON.stringify(body) })),
      ),
    );
    const error = (await client.echo({ body: { text: "a", times: 1 } }).catch((e: unknown) => e)) as BackendClientError;
    expect(error.kind).toBe("invalid_input");
    expect(error.message).toBe("Invalid request: body.times");
    expect(error.issues).toEqual([{ path: "body.times", message: "Too big" }]);
    expect(error.requestId).toBe("r1");
  });

  it("classifies a 500 as a server fault", async () => {
    const client = createBackendClient(
      greetingContract,
      createDesktopServiceTransport(desktopService(() => Promise.reject({ statusCode: 500, message: "boom" }))),
    );
    await expect(client.hello()).rejects.toMatchObject({ kind: "server_fault", status: 500 });
  });

  // Every rejection shape Desktop's proxy has been seen to produce, and what the UI should make of it.
  it.each<[string, unknown, BackendErrorKind, number | undefined]>([
    [
      "no status, socket hang up (backend not listening)",
      { name: "Error", message: "socket hang up", statusCode: undefined },
      "unavailable",
      undefined,
    ],
    [
      "a plain Error after docker extension update",
      new Error("connect ECONNREFUSED 127.0.0.1:80"),
      "unavailable",
      undefined,
    ],
    [
      "a 500 carrying the proxy's connection error",
      { statusCode: 500, message: "connect ECONNREFUSED /run/guest-services/x.sock" },
      "unavailable",
      500,
    ],
    [
      "a 500 whose socket file is gone",
      { statusCode: 500, message: "dial unix /run/guest-services/x.sock: connect: no such file or directory (ENOENT)" },
      "unavailable",
      500,
    ],
    ["status 0", { statusCode: 0, message: "Network Error" }, "unavailable", undefined],
    ["a bare string", "Request failed", "unavailable", undefined],
    ["nothing at all", undefined, "unavailable", undefined],
    ["502 from the proxy", { statusCode: 502, message: "Bad Gateway" }, "unavailable", 502],
    ["503", { statusCode: 503, message: "Service Unavailable" }, "unavailable", 503],
    ["504", { statusCode: 504, message: "Gateway Timeout" }, "unavailable", 504],
    [
      "400 with dext's body as JSON text",
      { statusCode: 400, message: JSON.stringify(dextBody("invalid_input", "bad")) },
      "invalid_input",
      400,
    ],
    [
      "404 with dext's body in data",
      { statusCode: 404, message: "Not Found", data: dextBody("not_found", "No item 7") },
      "not_found",
      404,
    ],
    [
      "404 without a body (a route an older backend lacks)",
      { statusCode: 404, message: "Not Found" },
      "not_found",
      404,
    ],
    ["413", { statusCode: 413, message: JSON.stringify(dextBody("payload_too_large", "too big")) }, "rejected", 413],
    [
      "429 from a busy job registry",
      { statusCode: 429, message: JSON.stringify(dextBody("too_many_requests", "busy")) },
      "rejected",
      429,
    ],
    [
      "500 with dext's internal body, even if it mentions ECONNREFUSED",
      { statusCode: 500, message: JSON.stringify(dextBody("internal", "Internal error ECONNREFUSED")) },
      "server_fault",
      500,
    ],
    ["500 as a string status", { statusCode: "500", message: "Internal Server Error" }, "server_fault", 500],
  ])("classifies %s", (_label, reason, kind, status) => {
    const error = errorFromDesktopRejection(reason);
    expect(error).toBeInstanceOf(BackendClientError);
    expect({ kind: error.kind, status: error.status }).toEqual({ kind, status });
    expect(error.message).not.toBe("");
  });
});
