// express.json() in front of the router, with a limit per route, and dextErrorHandler behind it:
// what the parser refuses, and what a handler throws, is answered in the one error shape.
import express from "express";
import * as z from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineContract, defineRoute } from "./client/contract.ts";
import { RouteError } from "./errors.ts";
import { dextErrorHandler } from "./express-error-handler.ts";
import { createExpressRouter } from "./express-router.ts";
import { requestOverSocket } from "./request-over-socket.ts";
import { serveOnSocket } from "./serve-on-socket.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { RunningServer } from "./serve-on-socket.ts";

const textBody = z.object({ text: z.string() });
const lengthResponse = z.object({ length: z.number() });
const contract = defineContract({
  importNotes: defineRoute({ method: "POST", path: "/import", body: textBody, response: lengthResponse }),
  addNote: defineRoute({ method: "POST", path: "/notes", body: textBody, response: lengthResponse }),
  conflict: defineRoute({ method: "GET", path: "/conflict", response: lengthResponse }),
  crash: defineRoute({ method: "GET", path: "/crash", response: lengthResponse }),
});

let temp: Awaited<ReturnType<typeof makeSocketDir>>;
let server: RunningServer;

beforeAll(async () => {
  temp = await makeSocketDir();
  const app = express();
  // The import takes more than the router's own limit; the parser in front is what allows it.
  app.use("/import", express.json({ limit: "16kb" }));
  app.use(express.json({ limit: "1kb" }));
  app.use(
    createExpressRouter({
      contract,
      createContext: () => ({}),
      bodyLimit: "1kb",
      errors: "next",
      handlers: {
        importNotes: ({ body }) => ({ length: body.text.length }),
        addNote: ({ body }) => ({ length: body.text.length }),
        conflict: () => {
          throw new RouteError("conflict", "The note changed meanwhile");
        },
        crash: () => {
          throw new Error("a secret path: /var/lib/x");
        },
      },
    }),
  );
  app.use(dextErrorHandler());
  server = await serveOnSocket(app, temp.socket());
});

afterAll(async () => {
  await server.close(100);
  await temp.remove();
});

async function send(method: string, path: string, body?: string, contentType = "application/json") {
  const answer = await requestOverSocket({
    socketPath: temp.socket(),
    method,
    path,
    ...(body === undefined ? {} : { body, headers: { "content-type": contentType } }),
  });
  return {
    status: answer.status,
    requestId: String(answer.headers["x-request-id"]),
    body: JSON.parse(answer.body.toString("utf8")) as { error?: Record<string, unknown>; length?: number },
  };
}

const textOf = (bytes: number) => JSON.stringify({ text: "x".repeat(bytes) });

describe("express.json() in front of the router, dextErrorHandler behind it", () => {
  it("takes a body over the router's limit that the parser in front allowed", async () => {
    await expect(send("POST", "/import", textOf(8_000))).resolves.toMatchObject({
      status: 200,
      body: { length: 8_000 },
    });
  });

  it("answers a body over the parser's limit 413 payload_too_large, naming the limit, with a request id", async () => {
    for (const [path, bytes, limit] of [
      ["/import", 20_000, 16_384],
      ["/notes", 2_000, 1_024],
    ] as const) {
      const answer = await send("POST", path, textOf(bytes));
      expect(answer).toMatchObject({
        status: 413,
        body: { error: { code: "payload_too_large", message: `Request body is too large (at most ${limit} bytes)` } },
      });
      expect(answer.body.error?.requestId).toBe(answer.requestId);
      expect(answer.requestId).toMatch(/^[\w-]+$/);
    }
  });

  it("answers malformed JSON 400 invalid_input and another charset 415, as the router would", async () => {
    await expect(send("POST", "/notes", '{"text": ')).resolves.toMatchObject({
      status: 400,
      body: { error: { code: "invalid_input", message: "Request body is not valid JSON" } },
    });
    await expect(send("POST", "/notes", '{"text":"a"}', "application/json; charset=latin1")).resolves.toMatchObject({
      status: 415,
      body: { error: { code: "unsupported_media_type" } },
    });
  });

  it("answers a handler's RouteError with the router's request id, and hides what else a handler threw", async () => {
    const conflict = await send("GET", "/conflict");
    expect(conflict).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", message: "The note changed meanwhile" } },
    });
    expect(conflict.body.error?.requestId).toBe(conflict.requestId);
    const crash = await send("GET", "/crash");
    expect(crash).toMatchObject({
      status: 500,
      body: { error: { code: "internal", message: `Internal error (request ${crash.requestId})` } },
    });
    expect(JSON.stringify(crash.body)).not.toContain("secret");
  });
});
