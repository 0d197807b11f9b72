// Streamed routes (`stream: "ndjson"`) and an app's createContext: values reach the client as the
// handler yields them, a client that leaves ends the handler's work, and a refusal in createContext
// comes before the input is read or checked.
import { createServer } from "node:http";
import * as z from "zod/mini";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BackendClientError } from "./client/backend-client-error.ts";
import { createBackendClient } from "./client/create-backend-client.ts";
import { defineContract, defineRoute } from "./client/contract.ts";
import { createFetchTransport } from "./client/transport.ts";
import { createBackendApp } from "./create-backend-app.ts";
import { RouteError } from "./errors.ts";
import { serveOnSocket } from "./serve-on-socket.ts";
import { createSocketTransport } from "./socket-transport.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

const countContract = defineContract({
  count: defineRoute({
    method: "POST",
    path: "/count",
    body: z.object({ to: z.number() }),
    response: z.object({ n: z.number() }),
    stream: "ndjson",
  }),
  whoAmI: defineRoute({ method: "GET", path: "/me", response: z.object({ key: z.string() }) }),
});

/** What the tests control from outside the handler: when each value may go, and what the handler saw. */
let release: (() => void) | undefined;
const seen = { finished: false, aborted: false };

beforeEach(() => {
  release = undefined;
});

function nextRelease(): Promise<void> {
  return new Promise((resolve) => (release = resolve));
}

const app = createBackendApp({
  contract: countContract,
  createContext: (req) => {
    const key = req.headers["x-key"];
    if (key !== "open sesame") throw new RouteError("forbidden", "Wrong key");
    return { key };
  },
  handlers: {
    async *count({ body }, { signal }) {
      signal.addEventListener("abort", () => (seen.aborted = true));
      try {
        for (let n = 1; n <= body.to; n++) {
          yield n === 99 ? ({ n: "ninety-nine" } as unknown as { n: number }) : { n };
          if (n === 1) await nextRelease();
        }
      } finally {
        seen.finished = true;
      }
    },
    whoAmI: (_input, { ctx }) => ({ key: ctx.key }),
  },
});

let server: Server;
let base: string;
const keyed: typeof fetch = (input, init) =>
  fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), "x-key": "open sesame" } });

beforeAll(async () => {
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("a streamed route", () => {
  it("hands the client each value as the handler yields it, checked against the contract", async () => {
    const client = createBackendClient(countContract, createFetchTransport(base, keyed));
    const values = (await client.count({ body: { to: 3 } }))[Symbol.asyncIterator]();
    // The second value waits for the release, which only the first value's arrival triggers.
    expect(await values.next()).toEqual({ done: false, value: { n: 1 } });
    await expect.poll(() => release !== undefined).toBe(true);
    release?.();
    expect(await values.next()).toEqual({ done: false, value: { n: 2 } });
    expect(await values.next()).toEqual({ done: false, value: { n: 3 } });
    expect((await values.next()).done).toBe(true);
  });

  it("ends the handler's work when the client aborts mid-stream", async () => {
    seen.finished = false;
    seen.aborted = false;
    const abort = new AbortController();
    const client = createBackendClient(countContract, createFetchTransport(base, keyed));
    const values = (await client.count({ body: { to: 5 }, signal: abort.signal }))[Symbol.asyncIterator]();
    expect((await values.next()).value).toEqual({ n: 1 });
    await expect.poll(() => release !== undefined).toBe(true);
    abort.abort();
    await expect(values.next()).rejects.toThrow();
    await expect.poll(() => seen.aborted).toBe(true);
    release?.();
    await expect.poll(() => seen.finished).toBe(true);
  });

  it("cuts the stream at a value outside the contract, so the client sees a failure", async () => {
    const client = createBackendClient(countContract, createFetchTransport(base, keyed));
    const values = await client.count({ body: { to: 100 } });
    const got: unknown[] = [];
    const reading = (async () => {
      for await (const value of values) got.push(value);
    })();
    await expect.poll(() => got.length).toBe(1);
    await expect.poll(() => release !== undefined).toBe(true);
    release?.();
    await expect(reading).rejects.toThrow();
    // What was still in flight when the connection was cut may be lost; the bad value never arrives.
    expect(got).not.toContainEqual({ n: "ninety-nine" });
    expect(got.length).toBeLessThan(99);
  });

  it("arrives whole over the socket transport, which reads an answer at once", async () => {
    const dir = await makeSocketDir();
    const running = await serveOnSocket(app, dir.socket());
    try {
      const client = createBackendClient(
        countContract,
        createSocketTransport(dir.socket(), { headers: { "x-key": "open sesame" } }),
      );
      const answer = client.count({ body: { to: 2 } });
      await expect.poll(() => release !== undefined).toBe(true);
      release?.();
      const got: unknown[] = [];
      for await (const value of await answer) got.push(value);
      expect(got).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await running.close(1000);
      await dir.remove();
    }
  });
});

describe("an app's createContext", () => {
  it("gives handlers what it built", async () => {
    const client = createBackendClient(countContract, createFetchTransport(base, keyed));
    await expect(client.whoAmI()).resolves.toEqual({ key: "open sesame" });
  });

  it("refuses before the body is read or checked: a wrong body without the key is a 403, not a 400", async () => {
    const client = createBackendClient(countContract, createFetchTransport(base));
    const refused = await client.count({ body: { to: "many" as unknown as number } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BackendClientError);
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden", requestId: expect.any(String) as unknown } },
    });
    const invalid = await createBackendClient(countContract, createFetchTransport(base, keyed))
      .count({ body: { to: "many" as unknown as number } })
      .catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
  });
});
