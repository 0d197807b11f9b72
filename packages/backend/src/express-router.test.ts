// The Express way in: the author's middleware runs first and the typed handlers see what it added.
import express from "express";
import * as z from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackendClient } from "./client/create-backend-client.ts";
import { defineContract, defineRoute } from "./client/contract.ts";
import { RouteError } from "./errors.ts";
import { createExpressRouter } from "./express-router.ts";
import { requestOverSocket } from "./request-over-socket.ts";
import { serveOnSocket } from "./serve-on-socket.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { NextFunction, Request, Response } from "express";
import type { RunningServer } from "./serve-on-socket.ts";

const notesContract = defineContract({
  whoAmI: defineRoute({ method: "GET", path: "/me", response: z.object({ user: z.string() }) }),
  addNote: defineRoute({
    method: "POST",
    path: "/notes",
    body: z.object({ text: z.string().min(1) }),
    response: z.object({ author: z.string(), text: z.string() }),
  }),
  fail: defineRoute({ method: "GET", path: "/fail", response: z.object({ ok: z.boolean() }) }),
});

/** What the author's middleware puts on the request: a user from a header, as an auth layer would. */
interface WithUser {
  user?: string;
}

function startApp(errors: "respond" | "next") {
  const app = express();
  const seenByErrorMiddleware: unknown[] = [];
  app.use((req: Request & WithUser, _res, next) => {
    const header = req.headers["x-user"];
    if (typeof header === "string") req.user = header;
    next();
  });
  app.use(express.json());
  app.use(
    "/api",
    createExpressRouter({
      contract: notesContract,
      createContext: (req: Request & WithUser) => {
        if (req.user === undefined) throw new RouteError("unauthorized", "Sign in first");
        return { user: req.user };
      },
      handlers: {
        whoAmI: (_input, { ctx }) => ({ user: ctx.user }),
        addNote: ({ body }, { ctx }) => ({ author: ctx.user, text: body.text }),
        fail: () => {
          throw new RouteError("conflict", "The note changed meanwhile");
        },
      },
      errors,
    }),
  );
  app.get("/api/version", (_req, res) => {
    res.json({ version: "1.0.0" });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    seenByErrorMiddleware.push(error);
    res.status(418).json({ handledBy: "the author's error middleware" });
  });
  return { app, seenByErrorMiddleware };
}

async function rawGet(socketPath: string, path: string, headers: Record<string, string> = {}) {
  const answer = await requestOverSocket({ socketPath, path, headers });
  return { status: answer.status, body: JSON.parse(answer.body.toString("utf8")) as unknown };
}

describe("createExpressRouter with errors answered by dext", () => {
  let temp: Awaited<ReturnType<typeof makeSocketDir>>;
  let server: RunningServer;
  let seen: unknown[];

  beforeAll(async () => {
    temp = await makeSocketDir();
    const started = startApp("respond");
    seen = started.seenByErrorMiddleware;
    server = await serveOnSocket(started.app, temp.socket());
  });
  afterAll(async () => {
    await server.close(100);
    await temp.remove();
  });

  const client = (user?: string) => {
    const transport = createSocketTransport(temp.socket(), user === undefined ? {} : { headers: { "x-user": user } });
    return createBackendClient(notesContract, (request) => transport({ ...request, url: `/api${request.url}` }));
  };

  it("gives handlers the user a middleware put on req, through createContext", async () => {
    await expect(client("ada").whoAmI()).resolves.toEqual({ user: "ada" });
  });

  it("takes the body express.json() already parsed, and still checks it against the contract", async () => {
    await expect(client("ada").addNote({ body: { text: "hello" } })).resolves.toEqual({ author: "ada", text: "hello" });
    await expect(client("ada").addNote({ body: { text: "" } })).rejects.toMatchObject({
      status: 400,
      body: { error: { code: "invalid_input", issues: [{ path: "body.text" }] } },
    });
  });

  it("answers a createContext refusal in the one error shape, before the input is checked", async () => {
    await expect(client().addNote({ body: { text: "" } })).rejects.toMatchObject({
      status: 401,
      body: { error: { code: "unauthorized", message: "Sign in first" } },
    });
    expect(seen).toEqual([]);
  });

  it("lets a path outside the contract go on to the app's next route", async () => {
    await expect(rawGet(temp.socket(), "/api/version")).resolves.toEqual({ status: 200, body: { version: "1.0.0" } });
  });
});

describe("createExpressRouter with errors: next", () => {
  let temp: Awaited<ReturnType<typeof makeSocketDir>>;
  let server: RunningServer;
  let seen: unknown[];

  beforeAll(async () => {
    temp = await makeSocketDir();
    const started = startApp("next");
    seen = started.seenByErrorMiddleware;
    server = await serveOnSocket(started.app, temp.socket());
  });
  afterAll(async () => {
    await server.close(100);
    await temp.remove();
  });

  it("hands a handler's RouteError to the author's error middleware, which answers", async () => {
    const answer = await rawGet(temp.socket(), "/api/fail", { "x-user": "ada" });
    expect(answer).toEqual({ status: 418, body: { handledBy: "the author's error middleware" } });
    expect(seen.at(-1)).toBeInstanceOf(RouteError);
    expect(seen.at(-1)).toMatchObject({ code: "conflict", status: 409, message: "The note changed meanwhile" });
  });

  it("hands a refused input to it too, with the contract's issues", async () => {
    const answer = await rawGet(temp.socket(), "/api/me");
    expect(answer.status).toBe(418);
    expect(seen.at(-1)).toMatchObject({ code: "unauthorized", status: 401 });
  });
});
