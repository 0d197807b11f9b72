// The host's API as its contracts declare it, called from Node with the typed client of
// @dext/backend (the one the page and the dashboard use): what each route answers, and the one
// error shape, with a request id, for every call it refuses.
import { BackendClientError, createBackendClient, silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardApi, extensionApi, hostApiTransport } from "./protocol/host-api.ts";
import { startDesktopHost } from "./server/desktop-host.ts";
import { buildPlainFixture, plainFixtureDir } from "./testing/build-plain-fixture.ts";
import type { BackendClient } from "@dext/backend";
import type { ExecEvent, ExecRequest } from "./protocol/index.ts";
import type { DesktopHost } from "./server/desktop-host.ts";

let host: DesktopHost;
let api: BackendClient<typeof extensionApi>;
let dashboard: BackendClient<typeof dashboardApi>;

/** A secret as only its page can read it: from the HTML the host served it. */
async function tokenIn(url: string): Promise<string> {
  return /"token":"([^"]+)"/.exec(await (await fetch(url)).text())?.[1] ?? "";
}

beforeAll(async () => {
  await buildPlainFixture();
  host = await startDesktopHost({ folders: [plainFixtureDir], logger: silentLogger });
  const origin = host.origins.get("plain-extension") ?? "";
  const token = await tokenIn(`${origin}/x/plain-extension/ui/index.html`);
  api = createBackendClient(extensionApi, hostApiTransport(`${origin}/x/plain-extension/api`, token));
  dashboard = createBackendClient(
    dashboardApi,
    hostApiTransport(new URL("/__dext", host.url).href, await tokenIn(host.url)),
  );
}, 60_000);

afterAll(async () => {
  await host.stop();
});

async function refusal(call: Promise<unknown>): Promise<BackendClientError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BackendClientError);
  return error as BackendClientError;
}

describe("the extension API", () => {
  it("streams an exec's output as typed events, then its exit", async () => {
    const events: ExecEvent[] = [];
    for await (const event of await api.exec({ body: { target: "vm", cmd: "./args.sh", args: ["one"] } }))
      events.push(event);
    expect(events).toContainEqual({ type: "stdout", data: "one\n" });
    expect(events).toContainEqual({ type: "stderr", data: "to stderr\n" });
    expect(events.at(-1)).toEqual({ type: "exit", code: 0, signal: null });
  });

  it("forwards a vm.service call and returns the backend's answer untouched", async () => {
    await expect(api.service({ body: { url: "/hello", method: "GET", headers: {} } })).resolves.toEqual({
      ok: true,
      status: 200,
      contentType: "application/json",
      body: '{"hello":"world"}',
    });
  });

  it("refuses a wrong-typed field with the standard 400: invalid_input, the field named, a request id", async () => {
    const wrong = { target: "vm", cmd: "./args.sh", args: "one two" } as unknown as ExecRequest;
    const error = await refusal(api.exec({ body: wrong }));
    expect(error.status).toBe(400);
    expect(error.body).toEqual({
      error: {
        code: "invalid_input",
        message: expect.stringContaining("body.args") as unknown,
        requestId: expect.stringMatching(/^[\w-]{8,}$/) as unknown,
        issues: [{ path: "body.args", message: expect.any(String) as unknown }],
      },
    });
  });

  it("refuses a vm cwd that climbs out with a 400 naming body.cwd, before anything runs", async () => {
    const error = await refusal(api.exec({ body: { target: "vm", cmd: "./args.sh", args: [], cwd: "/x/../.." } }));
    expect(error.status).toBe(400);
    expect(error.issues).toEqual([{ path: "body.cwd", message: expect.stringContaining("(..)") as unknown }]);
  });

  it("refuses the dynamic loader's variables with a 403 in the same shape", async () => {
    const error = await refusal(
      api.exec({ body: { target: "host", cmd: "greet", args: [], env: { LD_PRELOAD: "/tmp/x.so" } } }),
    );
    expect(error.status).toBe(403);
    expect(error.body?.error).toMatchObject({ code: "forbidden", requestId: expect.any(String) as unknown });
  });

  it("refuses a call without the extension's secret in createContext, ahead of its input: 403, not 400", async () => {
    const origin = host.origins.get("plain-extension") ?? "";
    const stranger = createBackendClient(extensionApi, hostApiTransport(`${origin}/x/plain-extension/api`, "guess"));
    const error = await refusal(stranger.exec({ body: { target: "vm" } as unknown as ExecRequest }));
    expect(error.status).toBe(403);
    expect(error.body?.error).toMatchObject({ code: "forbidden", requestId: expect.any(String) as unknown });
  });
});

describe("the dashboard API", () => {
  it("lists the installed extensions", async () => {
    const extensions = await dashboard.extensions();
    expect(extensions.map((extension) => extension.id)).toEqual(["plain-extension"]);
  });

  it("lists a folder for the open dialog, and refuses a relative path with the standard 400", async () => {
    const listing = await dashboard.folder({ query: { path: plainFixtureDir } });
    expect(listing.entries.map((entry) => entry.name)).toContain("metadata.json");
    const error = await refusal(dashboard.folder({ query: { path: "relative" } }));
    expect(error.status).toBe(400);
    expect(error.body?.error).toMatchObject({ code: "invalid_input", requestId: expect.any(String) as unknown });
  });
});
