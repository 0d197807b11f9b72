// Authors who want Express middleware (auth, CORS, static files) mount the dext listener in an
// Express app: the contract routes behave the same, and Express's own routes still answer.
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackendClient } from "./client/create-backend-client.ts";
import { createBackendApp } from "./create-backend-app.ts";
import { serveOnSocket } from "./serve-on-socket.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { greetingContract } from "./testing/greeting-contract.ts";
import { greetingHandlers } from "./testing/greeting-handlers.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { RunningServer } from "./serve-on-socket.ts";

let temp: Awaited<ReturnType<typeof makeSocketDir>>;
let server: RunningServer;
const seen: string[] = [];

beforeAll(async () => {
  temp = await makeSocketDir();
  const app = express();
  app.use((req, _res, next) => {
    seen.push(`${req.method} ${req.path}`);
    next();
  });
  app.get("/version", (_req, res) => {
    res.json({ version: "1.2.3" });
  });
  app.use(createBackendApp({ contract: greetingContract, handlers: greetingHandlers }));
  server = await serveOnSocket(app, temp.socket());
});

afterAll(async () => {
  await server.close(100);
  await temp.remove();
});

describe("the dext listener mounted in an Express app", () => {
  it("serves the contract routes behind Express middleware, with bodies and validation intact", async () => {
    const client = createBackendClient(greetingContract, createSocketTransport(temp.socket()));
    await expect(client.echo({ body: { text: "ab", times: 2 } })).resolves.toEqual({ text: "abab" });
    await expect(client.item({ params: { id: "x" } })).rejects.toMatchObject({ kind: "invalid_input" });
    expect(seen).toContain("POST /echo");
  });

  it("leaves Express's own routes answering", async () => {
    const transport = createSocketTransport(temp.socket());
    await expect(transport({ method: "GET", url: "/version" })).resolves.toEqual({ version: "1.2.3" });
  });
});
