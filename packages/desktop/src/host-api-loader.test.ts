import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HostApiUnavailableError, createHostApiLoader } from "./page/host-api-loader.ts";

// A stand-in for the module the host serves: it counts how often it is evaluated and what it was
// asked to connect to, so the test sees the loader's behaviour rather than the real client's.
const standIn = (tag: string) => `
globalThis.__loaderTest ??= { evaluated: 0, connected: [] };
globalThis.__loaderTest.evaluated += 1;
export class BackendClientError extends Error {}
export function connectHostApi(config) {
  globalThis.__loaderTest.connected.push(config.apiBase + " " + config.token);
  return { tag: ${JSON.stringify(tag)} };
}
`;

type Probe = { evaluated: number; connected: string[] };
const probe = () => (globalThis as unknown as { __loaderTest: Probe }).__loaderTest;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-loader-"));
  Reflect.deleteProperty(globalThis, "__loaderTest");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the host API loader", () => {
  it("loads the module once for any number of calls, and connects it with the page's base and secret", async () => {
    const file = join(dir, "api.mjs");
    await writeFile(file, standIn("first"));
    const load = createHostApiLoader({ apiModuleUrl: pathToFileURL(file).href, apiBase: "/x/a/api", token: "t0k" });
    const [one, two, three] = await Promise.all([load(), load(), load()]);
    expect(one).toBe(two);
    expect(two).toBe(three);
    expect(one.client).toEqual({ tag: "first" });
    expect(typeof one.BackendClientError).toBe("function");
    expect(probe()).toEqual({ evaluated: 1, connected: ["/x/a/api t0k"] });
    expect(await load()).toBe(one);
  });

  it("rejects a failed load with a named error and tries again on the next call", async () => {
    const file = join(dir, "later.mjs");
    const url = pathToFileURL(file).href;
    const load = createHostApiLoader({ apiModuleUrl: url, apiBase: "/x/b/api", token: "s3cret" });
    const failure = await load().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HostApiUnavailableError);
    expect(failure).toMatchObject({ code: "host_api_unavailable" });
    expect((failure as Error).message).toContain(url);
    expect((failure as Error).cause).toBeDefined();

    await writeFile(file, standIn("second"));
    const api = await load();
    expect(api.client).toEqual({ tag: "second" });
    expect(probe().connected).toEqual(["/x/b/api s3cret"]);
  });
});
