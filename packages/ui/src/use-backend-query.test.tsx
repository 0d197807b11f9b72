import { createBackendClient, createDesktopServiceTransport, defineContract, defineRoute } from "@dext/backend/client";
import type { BackendClient } from "@dext/backend/client";
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { JSX } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
// A namespace import lets the bundler keep only the zod in use (not every locale): see @dext/backend README, "Start-up".
import * as z from "zod";
import { ErrorBanner } from "./error-banner.tsx";
import { colorSchemes } from "./testing/color-scheme.ts";
import { renderThemed } from "./testing/render-themed.tsx";
import { createFakeDesktopClient } from "./testing/index.ts";
import { useBackendMutation, useBackendQuery } from "./use-backend-query.ts";

const contract = defineContract({
  listItems: defineRoute({ method: "GET", path: "/items", response: z.object({ items: z.array(z.string()) }) }),
  getItem: defineRoute({
    method: "GET",
    path: "/items/:name",
    params: z.object({ name: z.string() }),
    response: z.object({ name: z.string() }),
  }),
  addItem: defineRoute({
    method: "POST",
    path: "/items",
    body: z.object({ name: z.string() }),
    response: z.object({ added: z.string() }),
  }),
  clearItems: defineRoute({ method: "DELETE", path: "/items", response: z.object({ items: z.array(z.string()) }) }),
});

type Request = { url: string; method: string; data: unknown };

function backendWith(handle: (request: Request) => Promise<unknown>): BackendClient<typeof contract> {
  const client = createFakeDesktopClient({ extension: { vm: { service: { request: handle } } } });
  return createBackendClient(contract, createDesktopServiceTransport(client.extension.vm.service), {
    retry: { attempts: 1 },
  });
}

function Items({ backend }: { readonly backend: BackendClient<typeof contract> }): JSX.Element {
  const items = useBackendQuery(backend, "listItems");
  const first = useBackendQuery(backend, "getItem", { params: { name: "a" } }, { enabled: items.isSuccess });
  const add = useBackendMutation(backend, "addItem", { invalidates: ["listItems"] });
  const clear = useBackendMutation(backend, "clearItems", { updates: "listItems" });
  return (
    <div>
      <ErrorBanner error={items.error} title="Could not load the items" onRetry={() => void items.refetch()} />
      {items.data !== undefined && <p data-testid="items">{items.data.items.join(",")}</p>}
      {first.data !== undefined && <p data-testid="first">{first.data.name}</p>}
      <button onClick={() => add.mutate({ body: { name: "c" } })}>Add</button>
      <button onClick={() => clear.mutate({})}>Clear</button>
      <ErrorBanner error={add.error} title="Could not add" />
    </div>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe.each(colorSchemes)("useBackendQuery and useBackendMutation in %s", (scheme) => {
  it("load typed data through vm.service, and refetch what a mutation invalidates", async () => {
    const stored = ["a", "b"];
    const requests: string[] = [];
    const backend = backendWith((request) => {
      requests.push(`${request.method} ${request.url}`);
      if (request.method === "POST") {
        const { name } = request.data as { name: string };
        stored.push(name);
        return Promise.resolve({ added: name });
      }
      return Promise.resolve(request.url === "/items" ? { items: [...stored] } : { name: "a" });
    });
    renderThemed(scheme, <Items backend={backend} />);

    expect((await screen.findByTestId("items")).textContent).toBe("a,b");
    expect((await screen.findByTestId("first")).textContent).toBe("a");
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    await screen.findByText("a,b,c");
    expect(requests).toEqual(["GET /items", "GET /items/a", "POST /items", "GET /items"]);
  });

  it("put a mutation's answer in place of a route's cached answer, without another request", async () => {
    const requests: string[] = [];
    const backend = backendWith((request) => {
      requests.push(`${request.method} ${request.url}`);
      return Promise.resolve(
        request.method === "DELETE" ? { items: [] } : request.url === "/items" ? { items: ["a"] } : { name: "a" },
      );
    });
    renderThemed(scheme, <Items backend={backend} />);
    expect((await screen.findByTestId("items")).textContent).toBe("a");
    await screen.findByTestId("first");
    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    await waitFor(() => expect(screen.getByTestId("items").textContent).toBe(""));
    expect(requests).toEqual(["GET /items", "GET /items/a", "DELETE /items"]);
  });

  it("show an unreachable backend in the error banner, whose Try again refetches", async () => {
    let up = false;
    const backend = backendWith(() =>
      up
        ? Promise.resolve({ items: ["x"] })
        : Promise.reject({ statusCode: undefined, message: "connect ECONNREFUSED /run/guest-services/x.sock" }),
    );
    renderThemed(scheme, <Items backend={backend} />);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Could not load the items/);
    expect(alert.textContent).toContain("The extension's backend is not answering");
    up = true;
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Try again" }));
      await Promise.resolve();
    });
    expect((await screen.findByTestId("items")).textContent).toBe("x");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("show a refused mutation with the field the backend named", async () => {
    const body = {
      error: {
        code: "invalid_input",
        message: "Invalid request: body.name",
        requestId: "r-1",
        issues: [{ path: "body.name", message: "Already exists" }],
      },
    };
    const backend = backendWith((request) =>
      request.method === "POST"
        ? Promise.reject({ statusCode: 400, message: JSON.stringify(body) })
        : Promise.resolve({ items: [] }),
    );
    renderThemed(scheme, <Items backend={backend} />);
    await screen.findByTestId("items");
    fireEvent.click(screen.getByRole("button", { name: "Add" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("body.name: Already exists");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });
});
