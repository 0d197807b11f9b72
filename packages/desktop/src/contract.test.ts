// The Desktop client contract, checked in a real browser: the same calls an extension makes, and
// the shapes Docker documents for their results and failures.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPlainExtensionPage } from "./testing/build-plain-fixture.ts";
import type { Frame, Page } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";

let host: DesktopHost;
let page: Page;
let frame: Frame;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ host, page, frame, close } = await openPlainExtensionPage());
}, 60_000);

afterAll(async () => {
  await close();
});

/** Runs `body` in the extension's page, where window.ddClient lives, and returns what it returns (or the rejection). */
function inPage<T>(body: string): Promise<T> {
  return frame.evaluate<T>(
    `(async () => { const dd = window.ddClient; try { return { ok: true, value: await (async () => { ${body} })() }; } catch (e) { return { ok: false, error: e instanceof Error ? { message: e.message, isError: true } : JSON.parse(JSON.stringify(e)) }; } })()`,
  );
}

describe("extension.vm.cli.exec", () => {
  it("runs Desktop's words, not the array's elements: a quoted element arrives whole, with no shell in between", async () => {
    const args = ["'two words'", `"quotes ' and \\""`, "'$(id) `id` && *'", "'Grüße 🐳'", "'back\\slash'", "''"];
    const result = await inPage<{ ok: true; value: { stdout: string; lines: string[] } }>(
      `const r = await dd.extension.vm.cli.exec("./args.sh", ${JSON.stringify(args)}); return { stdout: r.stdout, lines: r.lines(), stderr: r.stderr };`,
    );
    const words = ["two words", `quotes ' and "`, "$(id) `id` && *", "Grüße 🐳", "back\\slash", ""];
    expect(result.value.stdout).toBe(words.map((word) => `${word}\n`).join(""));
    expect(result.value.lines).toEqual(words.filter((word) => word !== ""));
  });

  it("resolves with stdout and stderr, and parses JSON lines", async () => {
    const result = await inPage<{ value: unknown }>(
      `const r = await dd.extension.vm.cli.exec("./args.sh", [\`'{"a":1}'\`, \`'{"b":2}'\`]); return { stderr: r.stderr, json: r.parseJsonLines() };`,
    );
    expect(result.value).toEqual({ stderr: "to stderr\n", json: [{ a: 1 }, { b: 2 }] });
  });

  it("rejects a non-zero exit with an object that still carries stdout, stderr and the code", async () => {
    const result = await inPage<{ ok: false; error: Record<string, unknown> }>(
      `return await dd.extension.vm.cli.exec("./args.sh", ["--exit=3"]);`,
    );
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code: 3, stdout: "--exit=3\n", stderr: "to stderr\n" });
    expect(result.error.isError).toBeUndefined();
  });

  it("rejects a command the VM does not have with code 127 and docker's message", async () => {
    const result = await inPage<{ error: Record<string, unknown> }>(
      `return await dd.extension.vm.cli.exec("no-such-command", []);`,
    );
    expect(result.error).toMatchObject({
      code: 127,
      stderr: expect.stringContaining("executable file not found") as unknown,
    });
  });

  it("streams output line by line with splitOutputLines, then calls onClose with the exit code", async () => {
    const result = await inPage<{ value: { events: unknown[] } }>(`
      const events = [];
      await new Promise((resolve) => dd.extension.vm.cli.exec("./args.sh", ["one", "two"], { stream: {
        splitOutputLines: true,
        onOutput: (data) => events.push(data),
        onError: (e) => { events.push({ error: String(e) }); resolve(); },
        onClose: (code) => { events.push({ close: code }); resolve(); },
      } }));
      return { events };`);
    const events = result.value.events;
    expect(events.filter((event) => "stdout" in (event as object))).toEqual([{ stdout: "one" }, { stdout: "two" }]);
    expect(events).toContainEqual({ stderr: "to stderr" });
    expect(events.at(-1)).toEqual({ close: 0 });
  });

  it("stops a streamed process on close() and reports nothing after it", async () => {
    const result = await inPage<{ value: { events: unknown[] } }>(`
      const events = [];
      const proc = dd.extension.vm.cli.exec("./args.sh", ["--slow"], { stream: {
        onOutput: (data) => { events.push(data); if (data.stdout && data.stdout.includes("late")) proc.close(); },
        onClose: (code) => events.push({ close: code }),
      } });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { events };`);
    expect(result.value.events.some((event) => JSON.stringify(event).includes("late"))).toBe(true);
    expect(result.value.events).not.toContainEqual(expect.objectContaining({ close: expect.anything() as unknown }));
    // The process itself is gone, not only its output: nothing is left sleeping.
    expect(execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })).not.toMatch(/args\.sh --slow/);
  });
});

describe("extension.vm.service", () => {
  it("resolves a GET with the decoded JSON body", async () => {
    expect((await inPage<{ value: unknown }>(`return await dd.extension.vm.service.get("/hello");`)).value).toEqual({
      hello: "world",
    });
  });

  it("sends post data as JSON", async () => {
    const result = await inPage<{ value: unknown }>(
      `return await dd.extension.vm.service.post("/echo", { n: 1, s: "x" });`,
    );
    expect(result.value).toEqual({ method: "POST", received: { n: 1, s: "x" } });
  });

  it("resolves a non-JSON body as text", async () => {
    expect((await inPage<{ value: unknown }>(`return await dd.extension.vm.service.get("/text");`)).value).toBe(
      "plain text",
    );
  });

  it.each([
    ["/nope", 404],
    ["/fail", 500],
  ])("rejects %s with {name, message, statusCode: %i}", async (url, status) => {
    const result = await inPage<{ ok: false; error: Record<string, unknown> }>(
      `return await dd.extension.vm.service.get(${JSON.stringify(url)});`,
    );
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ name: "Error", statusCode: status, message: expect.any(String) as unknown });
  });
});

describe("extension.host.cli.exec", () => {
  it("runs the installed host binary by name, with Desktop's words", async () => {
    const result = await inPage<{ value: string }>(
      `return (await dd.extension.host.cli.exec("greet", ["a b", "'c d'", "ü"])).stdout;`,
    );
    expect(result.value).toBe("hello a\nhello b\nhello c d\nhello ü\n");
  });

  it("rejects a binary the extension does not install, naming the ones it does", async () => {
    const result = await inPage<{ error: Record<string, unknown> }>(
      `return await dd.extension.host.cli.exec("kubectl", ["version"]);`,
    );
    expect(result.error).toMatchObject({ code: 127, stderr: expect.stringContaining("installed: greet") as unknown });
  });
});

describe("the rest of the client", () => {
  it("reports this machine's platform and architecture in Node's names", async () => {
    const result = await inPage<{ value: unknown }>(
      `return { platform: dd.host.platform, arch: dd.host.arch, image: typeof dd.extension.image };`,
    );
    expect(result.value).toEqual({ platform: process.platform, arch: process.arch, image: "string" });
  });

  it("tells the page it runs in the dext local host, so advice names this host, not Docker Desktop", async () => {
    const result = await inPage<{ value: { name: string; restartAdvice: string } }>(`return window.__dextHostRuntime;`);
    expect(result.value.name).toBe("the dext local host");
    expect(result.value.restartAdvice).toMatch(/^restart the dext local host/);
  });

  it("shows a toast in the host's chrome", async () => {
    await inPage(`dd.desktopUI.toast.warning("Disk almost full");`);
    await expect(
      page.locator(".toast[data-level=warning]").filter({ hasText: "Disk almost full" }).isVisible(),
    ).resolves.toBe(true);
  });

  it("logs every client call in the host's call panel", async () => {
    await inPage(`return await dd.extension.vm.service.get("/hello");`);
    await expect(
      page.locator("#calls li").filter({ hasText: 'extension.vm.service.get("/hello") → ok' }).first().isVisible(),
    ).resolves.toBe(true);
  });

  it("refuses to open anything but a web address", async () => {
    const result = await inPage<{ ok: boolean; error: { message: string } }>(
      `dd.host.openExternal("file:///etc/passwd");`,
    );
    expect(result.ok).toBe(false);
    expect(result.error.message).toMatch(/only opens http and https/);
  });

  it("runs a page written only against @docker/extension-api-client unchanged", async () => {
    await frame.getByRole("button", { name: "Ask the backend" }).click();
    // The answer arrives after the click resolves; read it once it is there (a busy machine lost this race).
    await frame.locator("#out", { hasText: "backend says" }).waitFor();
    await expect(frame.locator("#out").textContent()).resolves.toBe("backend says world");
    await frame.getByRole("button", { name: "Run args.sh" }).click();
    await frame.locator("#out", { hasText: "args.sh" }).waitFor();
    await expect(frame.locator("#out").textContent()).resolves.toBe("args.sh printed a b|c");
    await expect(page.locator(".toast").filter({ hasText: "Backend answered" }).count()).resolves.toBeGreaterThan(0);
  });
});

describe("faults as Desktop shows them", () => {
  it("answers docker.listContainers from the engine, or rejects saying there is none", async () => {
    const result = await inPage<{ ok: boolean; value?: unknown; error?: { message: string } }>(
      `return await dd.docker.listContainers({ all: true });`,
    );
    if (result.ok) expect(Array.isArray(result.value)).toBe(true);
    else expect(result.error?.message).toMatch(/No Docker engine answers at .*DOCKER_HOST/);
  });

  it("rejects vm.service with no status once the backend is down", async () => {
    await host.extensions[0]?.vm?.stop();
    const result = await inPage<{ ok: false; error: Record<string, unknown> }>(
      `return await dd.extension.vm.service.get("/hello");`,
    );
    expect(result.ok).toBe(false);
    expect(result.error.statusCode).toBeUndefined();
    expect(result.error.message).toMatch(/ECONNREFUSED|ENOENT|socket hang up/);
  });
});
