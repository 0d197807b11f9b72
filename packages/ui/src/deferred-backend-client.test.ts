import { BackendClientError, defineContract, defineRoute } from "@dext/backend/client";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { createDeferredBackendClient } from "./deferred-backend-client.ts";
import type { DesktopHttpService } from "@dext/backend/client";

const contract = defineContract({
  hello: defineRoute({
    method: "GET",
    path: "/hello",
    query: z.object({ name: z.string().optional() }),
    response: z.object({ message: z.string() }),
  }),
});

function serviceAnswering(answer: (url: string) => unknown): DesktopHttpService & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    request: ({ url }) => {
      urls.push(url);
      return Promise.resolve(answer(url));
    },
  };
}

describe("createDeferredBackendClient", () => {
  it("does not load the contract until the first call, then loads it once", async () => {
    const load = vi.fn(() => Promise.resolve(contract));
    const service = serviceAnswering(() => ({ message: "hi" }));
    const backend = createDeferredBackendClient(load, service);
    expect(load).not.toHaveBeenCalled();

    await expect(backend.hello({ query: { name: "Ada" } })).resolves.toEqual({ message: "hi" });
    await expect(backend.hello()).resolves.toEqual({ message: "hi" });
    expect(load).toHaveBeenCalledTimes(1);
    expect(service.urls).toEqual(["/hello?name=Ada", "/hello"]);
  });

  it("still checks answers against the loaded contract", async () => {
    const backend = createDeferredBackendClient(
      () => Promise.resolve(contract),
      serviceAnswering(() => ({ message: 42 })),
    );
    const error: unknown = await backend.hello().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackendClientError);
    expect((error as BackendClientError).kind).toBe("invalid_response");
  });

  it("tries the load again on the next call after a failed load", async () => {
    const load = vi
      .fn<() => Promise<typeof contract>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValue(contract);
    const backend = createDeferredBackendClient(
      load,
      serviceAnswering(() => ({ message: "back" })),
    );
    await expect(backend.hello()).rejects.toThrow("Failed to fetch dynamically imported module");
    await expect(backend.hello()).resolves.toEqual({ message: "back" });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("names a route the loaded contract does not have", async () => {
    const backend = createDeferredBackendClient(
      () => Promise.resolve(contract),
      serviceAnswering(() => ({})),
    );
    const untyped = backend as unknown as Record<string, () => Promise<unknown>>;
    await expect(untyped.goodbye?.()).rejects.toThrow('The backend contract has no route "goodbye"');
  });

  it("is not mistaken for a promise, so it can be returned from async code", async () => {
    const backend = createDeferredBackendClient(
      () => Promise.resolve(contract),
      serviceAnswering(() => ({ message: "hi" })),
    );
    const resolved = await Promise.resolve(backend);
    expect(resolved).toBe(backend);
  });

  it("given the contract itself, has one caller per route up front", async () => {
    const backend = createDeferredBackendClient(
      contract,
      serviceAnswering(() => ({ message: "hi" })),
    );
    expect(Object.keys(backend)).toEqual(["hello"]);
    await expect(backend.hello()).resolves.toEqual({ message: "hi" });
  });
});
