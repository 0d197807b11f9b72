// Who may call the host, checked as an attacker would: requests with forged headers from Node, and
// pages on other origins in real Chromium. Each refused call must run nothing: the extension's
// mark.sh writes a marker file, which must not appear (and does appear for the one rightful call).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDesktopHost } from "./server/desktop-host.ts";
import { closeContexts, sharedChromium } from "./testing/shared-chromium.ts";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";

let dir: string;
let marker: string;
let host: DesktopHost;

async function makeExtension(name: string): Promise<string> {
  const folder = join(dir, name);
  await mkdir(join(folder, "ui"), { recursive: true });
  await writeFile(
    join(folder, "metadata.json"),
    JSON.stringify({ ui: { "dashboard-tab": { title: name, root: "/ui", src: "index.html" } }, vm: { image: "x" } }),
  );
  await writeFile(
    join(folder, "ui", "index.html"),
    `<!doctype html><html><head><title>${name}</title></head><body><h1>${name}</h1></body></html>`,
  );
  await writeFile(join(folder, "mark.sh"), `#!/bin/sh\necho ran > '${marker}'\n`);
  await chmod(join(folder, "mark.sh"), 0o755);
  return folder;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-sec-"));
  marker = join(dir, "MARKER");
  host = await startDesktopHost({
    folders: [await makeExtension("alpha"), await makeExtension("beta")],
    logger: silentLogger,
  });
}, 30_000);

afterAll(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The secret the host handed alpha's page, read the way only that page can: from the HTML it was served. */
async function tokenOf(id: string): Promise<string> {
  const origin = host.origins.get(id) ?? "";
  const html = await (await fetch(`${origin}/x/${id}/ui/index.html`)).text();
  return /"token":"([^"]+)"/.exec(html)?.[1] ?? "";
}

interface Raw {
  status: number;
  body: string;
}

function raw(origin: string, path: string, headers: Record<string, string>, body: string): Promise<Raw> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: "POST",
        headers: { "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = "";
        res
          .setEncoding("utf8")
          .on("data", (chunk: string) => (text += chunk))
          .on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const exec = JSON.stringify({ target: "vm", cmd: "./mark.sh", args: [] });

describe("calls from anything but the extension's own page", () => {
  it("are refused with 403 in the one error shape, and run nothing", async () => {
    const alpha = host.origins.get("alpha") ?? "";
    const port = new URL(alpha).port;
    const alphaToken = await tokenOf("alpha");
    const betaToken = await tokenOf("beta");
    const json = { "content-type": "application/json" };
    const cases: [string, Record<string, string>][] = [
      ["no secret", { ...json, host: `127.0.0.1:${port}` }],
      ["a wrong secret", { ...json, host: `127.0.0.1:${port}`, "x-dext-token": "guess" }],
      ["another extension's secret", { ...json, host: `127.0.0.1:${port}`, "x-dext-token": betaToken }],
      ["Origin: null", { ...json, host: `127.0.0.1:${port}`, "x-dext-token": alphaToken, origin: "null" }],
      [
        "another local origin",
        { ...json, host: `127.0.0.1:${port}`, "x-dext-token": alphaToken, origin: "http://127.0.0.1:3000" },
      ],
      ["a forged Host (DNS rebinding)", { ...json, host: `attacker.example:${port}`, "x-dext-token": alphaToken }],
      ["a text/plain body", { "content-type": "text/plain", host: `127.0.0.1:${port}`, "x-dext-token": alphaToken }],
    ];
    for (const [name, headers] of cases) {
      const answer = await raw(alpha, "/x/alpha/api/exec", headers, exec);
      expect(answer.status, name).toBe(403);
      expect(JSON.parse(answer.body), name).toMatchObject({
        error: { code: "forbidden", message: expect.any(String) as unknown, requestId: expect.any(String) as unknown },
      });
    }
    const dashboard = await raw(host.url, "/__dext/extensions", { host: "127.0.0.1" }, "");
    expect(dashboard.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(marker)).toBe(false);
  });

  it("lets the extension's own page run its command, so the refusals above are not a broken exec", async () => {
    const alpha = host.origins.get("alpha") ?? "";
    const answer = await raw(
      alpha,
      "/x/alpha/api/exec",
      { "content-type": "application/json", host: new URL(alpha).host, "x-dext-token": await tokenOf("alpha") },
      exec,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('"code":0');
    expect(existsSync(marker)).toBe(true);
    await rm(marker);
  });

  it("never runs a program of this machine through vm.cli.exec, only what the extension's image holds", async () => {
    const alpha = host.origins.get("alpha") ?? "";
    const body = JSON.stringify({ target: "vm", cmd: "sh", args: ["-c", `echo ran > '${marker}'`] });
    const answer = await raw(
      alpha,
      "/x/alpha/api/exec",
      { "content-type": "application/json", host: new URL(alpha).host, "x-dext-token": await tokenOf("alpha") },
      body,
    );
    expect(answer.body).toContain('"code":127');
    expect(existsSync(marker)).toBe(false);
  });
});

describe("service calls the host cannot forward as HTTP", () => {
  it("are a 400 in the one error shape, not a 500, and the host answers the next call", async () => {
    const alpha = host.origins.get("alpha") ?? "";
    const port = new URL(alpha).port;
    const headers = {
      "content-type": "application/json",
      host: `127.0.0.1:${port}`,
      "x-dext-token": await tokenOf("alpha"),
    };
    const calls: [string, unknown][] = [
      ["malformed percent-encoding", { url: "/volumes/%E0%A4%A", method: "GET" }],
      ["CR/LF in the url", { url: "/a HTTP/1.1\r\nX-Injected: 1\r\n\r\nGET /b", method: "GET" }],
      ["CR/LF in a header value", { url: "/a", method: "GET", headers: { "x-note": "one\r\nX-Injected: 1" } }],
      ["a header name that is not a token", { url: "/a", method: "GET", headers: { "bad name": "x" } }],
      ["a lower-case method", { url: "/a", method: "get" }],
      ["no url at all", { method: "GET" }],
    ];
    for (const [name, call] of calls) {
      const answer = await raw(alpha, "/x/alpha/api/service", headers, JSON.stringify(call));
      expect(answer.status, name).toBe(400);
      expect(JSON.parse(answer.body), name).toMatchObject({
        error: { code: "invalid_input", message: expect.any(String) as unknown },
      });
    }
    const fine = await raw(alpha, "/x/alpha/api/service", headers, JSON.stringify({ url: "/a", method: "GET" }));
    expect(fine.status).toBe(200);
    expect(JSON.parse(fine.body)).toMatchObject({ ok: false, code: "ENOSOCKET" });
  });
});

describe("pages on other origins, in Chromium", () => {
  let browser: Browser;
  let evil: Server;
  let evilUrl: string;

  beforeAll(async () => {
    const alpha = host.origins.get("alpha") ?? "";
    // What a hostile local page would try: a JSON fetch (preflighted), a no-cors fetch, and a form post.
    const page = `<!doctype html><body><form id="f" method="POST" enctype="text/plain" action="${alpha}/x/alpha/api/exec" target="sink"><input name='{"target":"vm","cmd":"./mark.sh","args":[],"x":"' value='"}'></form><iframe name="sink"></iframe>
<script>
window.results = [];
fetch("${alpha}/x/alpha/api/exec", { method: "POST", headers: { "content-type": "application/json", "x-dext-token": "guess" }, body: ${JSON.stringify(exec)} }).then((r) => results.push("json:" + r.status), (e) => results.push("json:blocked"));
fetch("${alpha}/x/alpha/api/exec", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(exec)} }).then(() => results.push("no-cors:sent"), () => results.push("no-cors:blocked"));
document.getElementById("f").submit();
results.push("form:sent");
</script></body>`;
    evil = createServer((_req, res) => res.end(page));
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", () => resolve()));
    const address = evil.address();
    evilUrl = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/`;
    browser = await sharedChromium();
  }, 30_000);

  afterAll(async () => {
    await closeContexts(browser);
    evil.close();
  });

  it("cannot run a command through the host: fetch, no-cors fetch and form post all refused", async () => {
    const page = await browser.newPage();
    await page.goto(evilUrl);
    await page.waitForFunction("window.results.length === 3", undefined, { timeout: 10_000 });
    expect(await page.evaluate("window.results")).toContain("json:blocked");
    await page.waitForTimeout(500);
    expect(existsSync(marker)).toBe(false);
    await page.close();
  });

  it("cannot drive another extension's API from an extension's own tab", async () => {
    const page = await browser.newPage();
    const alpha = host.origins.get("alpha") ?? "";
    const beta = host.origins.get("beta") ?? "";
    await page.goto(`${alpha}/x/alpha/ui/index.html`);
    const outcome = await page.evaluate(
      async ([betaOrigin, body]) => {
        const token = (globalThis as unknown as { __dextPageConfig: { token: string } }).__dextPageConfig.token;
        try {
          const response = await fetch(`${betaOrigin}/x/beta/api/exec`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-dext-token": token },
            body,
          });
          return `status ${response.status}`;
        } catch {
          return "blocked";
        }
      },
      [beta, exec] as const,
    );
    expect(outcome).toBe("blocked");
    expect(existsSync(marker)).toBe(false);
    await page.close();
  });
});

describe("processes the host starts", () => {
  it("end with their whole process group when the host stops, within 5 s", async () => {
    const folder = join(dir, "sleeper");
    await mkdir(join(folder, "ui"), { recursive: true });
    await writeFile(
      join(folder, "metadata.json"),
      JSON.stringify({ ui: { "dashboard-tab": { title: "s", root: "/ui", src: "index.html" } }, vm: { image: "x" } }),
    );
    await writeFile(join(folder, "ui", "index.html"), "<!doctype html><html><head></head><body></body></html>");
    // A child that ignores the parent's end: only signalling the group reaches it.
    await writeFile(join(folder, "nap.sh"), "#!/bin/sh\nsleep 47 &\necho napping\nsleep 47\n");
    await chmod(join(folder, "nap.sh"), 0o755);
    const sleeper = await startDesktopHost({ folders: [folder], logger: silentLogger });
    const origin = sleeper.origins.get("sleeper") ?? "";
    const html = await (await fetch(`${origin}/x/sleeper/ui/index.html`)).text();
    const token = /"token":"([^"]+)"/.exec(html)?.[1] ?? "";
    const streamed = fetch(`${origin}/x/sleeper/api/exec`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-dext-token": token },
      body: JSON.stringify({ target: "vm", cmd: "./nap.sh", args: [] }),
    });
    const first: { value?: Uint8Array } | undefined = await (await streamed).body?.getReader().read();
    expect(new TextDecoder().decode(first?.value)).toContain("napping");
    const sleeping = () =>
      execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
        .split("\n")
        .filter((line) => line.trim() === "sleep 47").length;
    await expect.poll(sleeping).toBe(2);
    const started = Date.now();
    await sleeper.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sleeper.runningProcesses()).toBe(0);
    await expect.poll(sleeping).toBe(0);
  }, 20_000);
});
