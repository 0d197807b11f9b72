// What a hostile or broken client can send, answered the same whether the dext app is served
// directly or mounted in Express: bodies nobody reads, bytes that are not UTF-8, encodings it
// does not take, and requests that arrive too slowly.
import express from "express";
import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackendClient } from "./client/create-backend-client.ts";
import { errorBodySchema } from "./client/error-body.ts";
import { createBackendApp } from "./create-backend-app.ts";
import { serveOnSocket } from "./serve-on-socket.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { greetingContract } from "./testing/greeting-contract.ts";
import { greetingHandlers } from "./testing/greeting-handlers.ts";
import { rawExchange } from "./testing/raw-exchange.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { RequestListener } from "node:http";
import type { RunningServer } from "./serve-on-socket.ts";

const bodyTimeoutMs = 300;
const headersTimeoutMs = 300;
const fiftyMb = 50 * 1024 * 1024;

function dextApp(): RequestListener {
  return createBackendApp({ contract: greetingContract, handlers: greetingHandlers, bodyLimit: "64kb", bodyTimeoutMs });
}

function inExpress(): RequestListener {
  const app = express();
  app.get("/version", (_req, res) => {
    res.json({ version: "1.2.3" });
  });
  app.use(dextApp());
  return app;
}

/** The error body in a raw response, checked against the one shape. */
function errorOf(text: string): { code: string; message: string } {
  return errorBodySchema.parse(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4))).error;
}

function post(
  socketPath: string,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath, method: "POST", path, headers: { "content-length": String(body.length), ...headers } },
      (res) => {
        let text = "";
        res.on("data", (data: Buffer) => (text += data.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe.each([
  ["served directly", dextApp],
  ["mounted in Express", inExpress],
])("hostile input, %s", (_how, listener) => {
  let temp: Awaited<ReturnType<typeof makeSocketDir>>;
  let server: RunningServer;
  let socket: string;

  beforeAll(async () => {
    temp = await makeSocketDir();
    socket = temp.socket();
    server = await serveOnSocket(listener(), socket, { headersTimeoutMs });
  });
  afterAll(async () => {
    await server.close(100);
    await temp.remove();
  });

  const expectServedAfterwards = async () => {
    const client = createBackendClient(greetingContract, createSocketTransport(socket), { retry: { attempts: 1 } });
    await expect(client.hello({ query: { name: "next" } })).resolves.toEqual({ message: "Hello, next!" });
  };

  it.each([
    [
      "a declared 50 MB body to a GET route",
      "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 52428800\r\n\r\n",
      false,
      413,
    ],
    [
      "a chunked 50 MB body to a GET route",
      "GET /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
      true,
      200,
    ],
    [
      "a chunked 50 MB body to a body route",
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
      true,
      413,
    ],
  ])(
    "answers %s at once and closes the connection instead of reading the rest",
    async (_label, head, chunked, status) => {
      const rssBefore = process.memoryUsage.rss();
      const exchange = await rawExchange(socket, head, { bodyBytes: fiftyMb, chunked });
      expect(exchange.status).toBe(status);
      expect(exchange.text).toMatch(/\r\nconnection: close\r\n/i);
      expect(exchange.closedByServer).toBe(true);
      // The socket buffers hold a few hundred KB; the rest was never read.
      expect(exchange.bodyBytesSent).toBeLessThan(fiftyMb / 5);
      expect(exchange.peakRss - rssBefore).toBeLessThan(30 * 1024 * 1024);
      await expectServedAfterwards();
    },
  );

  it("answers despite a small body sent to a route that takes none, and closes the connection rather than carry on past it", async () => {
    const head =
      "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello" +
      "GET /hello?name=b HTTP/1.1\r\nHost: x\r\n\r\n";
    const exchange = await rawExchange(socket, head, { timeoutMs: 2_000 });
    expect(exchange.text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(["HTTP/1.1 200"]);
    expect(exchange.text).toMatch(/\r\nconnection: close\r\n[^]*"Hello, world!"\}$/i);
    await expectServedAfterwards();
  });

  it("answers a JSON body that is not valid UTF-8 with 400 in the error shape", async () => {
    const body = Buffer.concat([
      Buffer.from('{"text":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('","times":1}'),
    ]);
    const response = await post(socket, "/echo", body, { "content-type": "application/json" });
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(JSON.parse(response.text)).error).toMatchObject({
      code: "invalid_input",
      message: "Request body is not valid UTF-8",
    });
  });

  it("still reads UTF-8 with a leading byte-order mark", async () => {
    const body = Buffer.from('\uFEFF{"text":"é","times":2}');
    const response = await post(socket, "/echo", body, { "content-type": "application/json" });
    expect(response).toEqual({ status: 200, text: '{"text":"éé"}' });
  });

  it.each([
    ["a content encoding", "Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}"],
    [
      "a transfer encoding besides chunked",
      "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
    ],
    ["a content type other than JSON", "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}"],
  ])("refuses %s with 415 in the error shape", async (_label, rest) => {
    const exchange = await rawExchange(socket, `POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${rest}`);
    expect(exchange.status).toBe(415);
    expect(errorOf(exchange.text).code).toBe("unsupported_media_type");
  });

  it.each([
    ["trickles its body a byte at a time", 50],
    ["stops sending its body", undefined],
  ])("answers 408 in the error shape, after the body timeout, to a client that %s", async (_label, trickleMs) => {
    const startedAt = Date.now();
    const head = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
    const exchange = await rawExchange(socket, head, { trickleMs, timeoutMs: 5_000 });
    expect(exchange.status).toBe(408);
    expect(errorOf(exchange.text).code).toBe("request_timeout");
    expect(exchange.msToResponse).toBeGreaterThanOrEqual(bodyTimeoutMs - 20);
    expect(Date.now() - startedAt).toBeLessThan(bodyTimeoutMs + 1_500);
    await expectServedAfterwards();
  });

  it("closes a connection whose headers do not arrive within the headers timeout (Node's own 408)", async () => {
    const startedAt = Date.now();
    const exchange = await rawExchange(socket, "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ", { timeoutMs: 5_000 });
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.status === 408 || exchange.status === undefined).toBe(true);
    expect(Date.now() - startedAt).toBeLessThan(headersTimeoutMs + 1_500);
    await expectServedAfterwards();
  });
});

describe("in Express, where Express answers itself", () => {
  let temp: Awaited<ReturnType<typeof makeSocketDir>>;
  let server: RunningServer;

  beforeAll(async () => {
    temp = await makeSocketDir();
    const app = express();
    app.get("/version", (_req, res) => {
      res.json({ version: "1.2.3" });
    });
    // Refuses without reading the body, as a proxy's check does.
    app.post("/refuse", (_req, res) => {
      res.status(403).json({ refused: true });
    });
    // A body parser in front, for the requests that ask for it.
    app.use(express.json({ type: (req) => req.headers["x-parse"] !== undefined }));
    app.use(dextApp());
    server = await serveOnSocket(app, temp.socket(), { headersTimeoutMs });
  });
  afterAll(async () => {
    await server.close(100);
    await temp.remove();
  });

  it("ends the connection after an Express route answers over a body nobody read, instead of draining it", async () => {
    const rssBefore = process.memoryUsage.rss();
    const exchange = await rawExchange(
      temp.socket(),
      "GET /version HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
      {
        bodyBytes: fiftyMb,
        chunked: true,
      },
    );
    expect(exchange.status).toBe(200);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.text.toLowerCase()).toContain("connection: close");
    expect(exchange.bodyBytesSent).toBeLessThan(fiftyMb / 5);
    expect(exchange.peakRss - rssBefore).toBeLessThan(30 * 1024 * 1024);
  });

  it("tells a keep-alive client the connection ends, so its next request is not sent into a closing socket", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const send = (method: string, path: string, body?: string) =>
        new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
          const req = request(
            {
              socketPath: temp.socket(),
              agent,
              method,
              path,
              headers: body === undefined ? {} : { "content-type": "application/json" },
            },
            (res) => {
              res.resume();
              res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
            },
          );
          req.on("error", reject);
          req.end(body);
        });
      for (let round = 0; round < 20; round += 1) {
        const refused = await send("POST", "/refuse", JSON.stringify({ pad: "x".repeat(256 * 1024) }));
        expect(refused).toEqual({ status: 403, connection: "close" });
        await expect(send("GET", "/version")).resolves.toMatchObject({ status: 200 });
      }
    } finally {
      agent.destroy();
    }
  });

  it("takes the body a parser in front already read, at once, instead of waiting for the stream (a 408 later)", async () => {
    const startedAt = Date.now();
    const exchange = await rawExchange(
      temp.socket(),
      'POST /echo HTTP/1.1\r\nHost: x\r\nX-Parse: yes\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 23\r\n\r\n{"text":"a","times":1}\n',
    );
    expect(exchange.status).toBe(200);
    expect(JSON.parse(exchange.text.slice(exchange.text.indexOf("\r\n\r\n") + 4))).toEqual({ text: "a" });
    expect(Date.now() - startedAt).toBeLessThan(bodyTimeoutMs);
  });
});
