import { describe, expect, expectTypeOf, it } from "vitest";
import { greetingContract } from "../testing/greeting-contract.ts";
import { BackendClientError } from "./backend-client-error.ts";
import { createBackendClient } from "./create-backend-client.ts";
import type { Transport } from "./transport.ts";

const noSleep = () => Promise.resolve();

describe("createBackendClient", () => {
  it("builds the URL from path parameters and query, and types the result", async () => {
    const seen: string[] = [];
    const transport: Transport = (request) => {
      seen.push(`${request.method} ${request.url}`);
      return Promise.resolve(request.url.startsWith("/items") ? { id: 7 } : { message: "hi" });
    };
    const client = createBackendClient(greetingContract, transport);
    const item = await client.item({ params: { id: "7" } });
    expectTypeOf(item).toEqualTypeOf<{ id: number }>();
    await client.hello({ query: { name: "a b&c" } });
    expect(seen).toEqual(["GET /items/7", "GET /hello?name=a+b%26c"]);
  });

  it("encodes path parameters so they cannot add path segments", async () => {
    const seen: string[] = [];
    const client = createBackendClient(greetingContract, (request) => {
      seen.push(request.url);
      return Promise.resolve({ id: 1 });
    });
    await client.item({ params: { id: "../../etc" } });
    expect(seen).toEqual(["/items/..%2F..%2Fetc"]);
  });

  it("rejects a response outside the contract as invalid_response", async () => {
    const client = createBackendClient(greetingContract, () => Promise.resolve({ message: 42 }));
    await expect(client.hello()).rejects.toMatchObject({ kind: "invalid_response" });
  });

  it("retries a GET while the backend is unavailable, with growing delays", async () => {
    const delays: number[] = [];
    let calls = 0;
    const client = createBackendClient(
      greetingContract,
      () => {
        calls++;
        if (calls < 3) return Promise.reject(new BackendClientError({ kind: "unavailable", message: "down" }));
        return Promise.resolve({ message: "up" });
      },
      { retry: { attempts: 3, initialDelayMs: 100 }, sleep: (ms) => (delays.push(ms), Promise.resolve()) },
    );
    await expect(client.hello()).resolves.toEqual({ message: "up" });
    expect(delays).toEqual([100, 200]);
  });

  it("never retries a POST, which may already have been applied", async () => {
    let calls = 0;
    const client = createBackendClient(
      greetingContract,
      () => {
        calls++;
        return Promise.reject(new BackendClientError({ kind: "unavailable", message: "down" }));
      },
      { sleep: noSleep },
    );
    await expect(client.echo({ body: { text: "a", times: 1 } })).rejects.toMatchObject({ kind: "unavailable" });
    expect(calls).toBe(1);
  });

  it("does not retry an invalid input", async () => {
    let calls = 0;
    const client = createBackendClient(
      greetingContract,
      () => {
        calls++;
        return Promise.reject(new BackendClientError({ kind: "invalid_input", status: 400, message: "bad" }));
      },
      { sleep: noSleep },
    );
    await expect(client.hello()).rejects.toMatchObject({ kind: "invalid_input" });
    expect(calls).toBe(1);
  });
});
