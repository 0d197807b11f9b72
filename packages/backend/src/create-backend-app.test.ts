import { request } from "node:http";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema } from "./client/error-body.ts";
import { createBackendApp } from "./create-backend-app.ts";
import { createLogger } from "./logger.ts";
import { requestOverSocket } from "./request-over-socket.ts";
import { serveOnSocket } from "./serve-on-socket.ts";
import { greetingContract } from "./testing/greeting-contract.ts";
import { greetingHandlers } from "./testing/greeting-handlers.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { RunningServer } from "./serve-on-socket.ts";

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(...chunk.toString().trim().split("\n"));
    done();
  },
});

let temp: Awaited<ReturnType<typeof makeSocketDir>>;
let server: RunningServer;

beforeAll(async () => {
  temp = await makeSocketDir();
  const app = createBackendApp({
    contract: greetingContract,
    handlers: greetingHandlers,
    logger: createLogger({ name: "test", stream: logStream }),
    bodyLimit: "1kb",
  });
  server = await serveOnSocket(app, temp.socket());
});
afterAll(async () => {
  await server.close(100);
  await temp.remove();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** A raw HTTP call on the socket, so tests can send what a typed client never would. */
function raw(method: string, path: string, body?: string): Promise<RawResponse> {
  return rawWith(method, path, body, body === undefined ? {} : { "content-type": "application/json" });
}

function rawWith(
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: temp.socket(), method, path, headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: text === "" ? undefined : JSON.parse(text),
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

function expectErrorShape(response: RawResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  const parsed = errorBodySchema.parse(response.json);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.requestId).toBe(response.headers["x-request-id"]);
  return parsed.error;
}

describe("createBackendApp", () => {
  it("answers malformed JSON with 400 in the error shape", async () => {
    const error = expectErrorShape(await raw("POST", "/echo", "{not json"), 400, "invalid_input");
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("names every invalid field of the body", async () => {
    const error = expectErrorShape(
      await raw("POST", "/echo", JSON.stringify({ text: 3, times: 50 })),
      400,
      "invalid_input",
    );
    expect(error.issues?.map((issue) => issue.path)).toEqual(["body.text", "body.times"]);
  });

  it("validates path parameters", async () => {
    const error = expectErrorShape(await raw("GET", "/items/abc"), 400, "invalid_input");
    expect(error.issues).toEqual([{ path: "params.id", message: "must be digits" }]);
  });

  it("answers a body over the limit with 413", async () => {
    const big = JSON.stringify({ text: "x".repeat(5_000), times: 1 });
    expectErrorShape(await raw("POST", "/echo", big), 413, "payload_too_large");
  });

  it("answers an unknown route with 404 naming it", async () => {
    const error = expectErrorShape(await raw("GET", "/nope"), 404, "not_found");
    expect(error.message).toBe("No route for GET /nope");
  });

  it("lets a handler choose the error code", async () => {
    const error = expectErrorShape(await raw("GET", "/items/500"), 404, "not_found");
    expect(error.message).toBe("No item 500");
  });

  it("hides a thrown error's internals from the client and logs them with the request id", async () => {
    const response = await raw("GET", "/broken");
    const error = expectErrorShape(response, 500, "internal");
    expect(JSON.stringify(response.json)).not.toMatch(/hunter2/);
    const logged = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.requestId === error.requestId);
    expect(logged).toMatchObject({ level: "error", msg: "request failed", path: "/broken" });
    expect(JSON.stringify(logged)).toMatch(/hunter2/);
  });

  it("keeps a well-formed x-request-id from the caller", async () => {
    const response = await requestOverSocket({
      socketPath: temp.socket(),
      path: "/hello",
      headers: { "x-request-id": "abc-123" },
    });
    expect(response.headers["x-request-id"]).toBe("abc-123");
  });

  it("serves a health route", async () => {
    const response = await raw("GET", "/health");
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: "ok" });
  });

  it("returns handler results that match the contract", async () => {
    const response = await raw("POST", "/echo", JSON.stringify({ text: "ab", times: 2 }));
    expect(response).toMatchObject({ status: 200, json: { text: "abab" } });
  });

  it("refuses to send a handler result outside the contract", async () => {
    const app = createBackendApp({
      contract: greetingContract,
      // @ts-expect-error: the point is a handler that breaks its contract at run time
      handlers: { ...greetingHandlers, hello: () => ({ msg: 1 }) },
    });
    const other = await serveOnSocket(app, temp.socket("other.sock"));
    try {
      const response = await requestOverSocket({ socketPath: temp.socket("other.sock"), path: "/hello" });
      expect(response.status).toBe(500);
    } finally {
      await other.close(100);
    }
  });

  it("answers a known path with the wrong method as 405, listing the allowed ones", async () => {
    const response = await raw("PUT", "/echo", "{}");
    expectErrorShape(response, 405, "method_not_allowed");
    expect(response.headers.allow).toBe("POST");
  });

  it.each([
    ["a content type other than JSON", { "content-type": "text/plain" }],
    ["a charset other than UTF-8", { "content-type": "application/json; charset=latin1" }],
    ["a compressed body", { "content-type": "application/json", "content-encoding": "gzip" }],
  ])("refuses %s with 415", async (_label, headers) => {
    const response = await rawWith("POST", "/echo", JSON.stringify({ text: "a", times: 1 }), headers);
    expectErrorShape(response, 415, "unsupported_media_type");
  });

  it("answers HEAD on a GET route with its headers and no body", async () => {
    const response = await rawWith("HEAD", "/hello", undefined, {});
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/application\/json/);
    expect(response.json).toBeUndefined();
  });

  it("aborts the handler's signal when the client goes away", async () => {
    let reportAborted: (aborted: boolean) => void = () => undefined;
    const aborted = new Promise<boolean>((resolve) => (reportAborted = resolve));
    const app = createBackendApp({
      contract: greetingContract,
      handlers: {
        ...greetingHandlers,
        slow: async (_input, { signal }) => {
          await new Promise((done) => signal.addEventListener("abort", done, { once: true }));
          reportAborted(signal.aborted);
          return { waitedMs: 0 };
        },
      },
    });
    const other = await serveOnSocket(app, temp.socket("abort.sock"));
    try {
      const req = request({ socketPath: temp.socket("abort.sock"), path: "/slow?ms=1" });
      req.on("error", () => undefined);
      req.end();
      await new Promise((resolve) => setTimeout(resolve, 50));
      req.destroy();
      expect(await aborted).toBe(true);
    } finally {
      await other.close(100);
    }
  });
});
