// Installing from built images, as `docker extension install` does. Needs a Docker engine; CI runs
// this file after starting one (DEXT_IMAGE_TESTS=1), `pnpm test` skips it without an engine.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docker } from "./server/docker-cli.ts";
import { startDesktopHost } from "./server/desktop-host.ts";
import { proxyToSocket } from "./server/service-proxy.ts";
import { buildPlainFixture, plainFixtureDir } from "./testing/build-plain-fixture.ts";
import { captureLog } from "./testing/captured-log.ts";
import { execInPage } from "./testing/exec-in-page.ts";
import { closeContexts, sharedChromium } from "./testing/shared-chromium.ts";
import type { Browser, Page } from "playwright-core";
import type { DesktopHost } from "./server/desktop-host.ts";

const fixtures = fileURLToPath(new URL("../test/fixtures", import.meta.url));
const engine = await docker(["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 15_000 }).then(
  () => true,
  () => false,
);
const required = process.env.DEXT_IMAGE_TESTS === "1";
const image = "dext-test/compose-extension:0.0.1";
const run = promisify(execFile);

/** The first service answers on its socket, as Desktop's vm.service proxy reaches it. */
async function expectHelloOverSocket(socketPath: string | undefined): Promise<void> {
  const answer = await proxyToSocket(socketPath, { url: "/hello", method: "GET", headers: {}, data: undefined });
  expect(answer).toMatchObject({ ok: true, status: 200, body: '{"hello":"world"}' });
}

describe.runIf(engine || required)("a vm.composefile extension installed from its image", () => {
  let host: DesktopHost | undefined;

  beforeAll(async () => {
    if (!engine) throw new Error("DEXT_IMAGE_TESTS=1 but no Docker engine answers at DOCKER_HOST");
    await buildPlainFixture();
    await docker(["build", "-f", `${fixtures}/compose-extension/Dockerfile`, "-t", image, fixtures], {
      timeoutMs: 300_000,
    });
    host = await startDesktopHost({ folders: [], images: [image], logger: silentLogger });
  }, 600_000);

  afterAll(async () => {
    await host?.stop();
  });

  it("runs the stack with the guest-services folder mounted, and reaches the first service's socket", async () => {
    const extension = host?.extensions[0];
    expect(extension?.vm?.state().state).toBe("running");
    await expectHelloOverSocket(extension?.vm?.socketPath);
  });

  it("runs vm.cli.exec in the first service's container", async () => {
    const spec = await host?.extensions[0]?.vm?.execSpec("./args.sh", ["a b"]);
    if (spec === undefined || "stderr" in spec) throw new Error(`no VM: ${spec?.stderr ?? ""}`);
    const { stdout } = await run(spec.file, spec.args, { encoding: "utf8" });
    expect(stdout).toBe("a b\n");
    const { stdout: names } = await run(spec.file, [...spec.args.slice(0, 2), "hostname"], { encoding: "utf8" });
    const backend = await docker(["ps", "--filter", "label=com.docker.compose.service=backend", "--format", "{{.ID}}"]);
    expect(backend.trim().startsWith(names.trim())).toBe(true);
  });

  it("removes the stack's containers when the host stops", async () => {
    await host?.stop();
    const left = await docker([
      "ps",
      "-a",
      "--filter",
      `label=com.docker.compose.project=dext-compose-extension-image-${process.pid}`,
      "--format",
      "{{.ID}}",
    ]);
    expect(left.trim()).toBe("");
  });
});

describe.runIf(engine || required)("a folder that folder mode cannot run, with an engine", () => {
  let host: DesktopHost | undefined;
  const log = captureLog();

  beforeAll(async () => {
    if (!engine) throw new Error("DEXT_IMAGE_TESTS=1 but no Docker engine answers at DOCKER_HOST");
    await buildPlainFixture();
    // The folder as an author has it: a Dockerfile and a compose file, no image built yet.
    host = await startDesktopHost({ folders: [`${fixtures}/compose-extension`], logger: log.logger });
  }, 600_000);

  afterAll(async () => {
    await host?.stop();
    await docker(["image", "rm", "dext-local/compose-extension:build"]).catch(() => undefined);
  });

  it("is built from its Dockerfile with the build output in the log, and runs as its image", async () => {
    const messages = log.entries().map((entry) => String(entry.msg));
    expect(messages.join("\n")).toMatch(/compose stack .*: building its image/);
    expect(messages.some((message) => message.startsWith("build: ") && /#\d+ /.test(message))).toBe(true);
    const extension = host?.extensions[0];
    expect(extension?.source).toMatch(/built as dext-local\/compose-extension:build$/);
    expect(extension?.vm?.state().state).toBe("running");
    await expectHelloOverSocket(extension?.vm?.socketPath);
  });

  it("runs it from its files when asked not to build (--no-build), and says what that cannot run", async () => {
    const folderOnly = await startDesktopHost({
      folders: [`${fixtures}/compose-extension`],
      build: "never",
      logger: silentLogger,
    });
    try {
      expect(folderOnly.extensions[0]?.source).not.toMatch(/built as/);
      expect(folderOnly.extensions[0]?.problems.join("\n")).toContain("vm.composefile");
    } finally {
      await folderOnly.stop();
    }
  }, 60_000);
});

describe.runIf(engine || required)("vm.cli.exec in a vm.image extension's container, from its page", () => {
  const plainImage = "dext-test/plain-extension:0.0.1";
  let host: DesktopHost | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    if (!engine) throw new Error("DEXT_IMAGE_TESTS=1 but no Docker engine answers at DOCKER_HOST");
    await buildPlainFixture();
    await docker(["build", "-t", plainImage, plainFixtureDir], { timeoutMs: 300_000 });
    host = await startDesktopHost({ folders: [], images: [plainImage], logger: silentLogger });
    const id = host.extensions[0]?.id ?? "";
    browser = await sharedChromium();
    page = await browser.newPage();
    await page.goto(`${host.origins.get(id) ?? ""}/x/${id}/ui/index.html`);
    await page.waitForFunction("window.ddClient !== undefined");
  }, 600_000);

  afterAll(async () => {
    await closeContexts(browser);
    await host?.stop();
  });

  it.each([false, true])("passes cwd as docker exec --workdir and env as --env (streamed: %s)", async (streamed) => {
    if (page === undefined) throw new Error("no page");
    const where = await execInPage(page, "vm", "pwd", [], { cwd: "/ui" }, streamed);
    expect(where).toMatchObject({ code: 0, stdout: "/ui\n" });
    // env, not printenv: the stand-in base image has busybox as sh and env only.
    const env = await execInPage(
      page,
      "vm",
      "env",
      [],
      { env: { A: "from the page", B: "two words; $(id)" } },
      streamed,
    );
    expect(env.code).toBe(0);
    expect(env.stdout.split("\n")).toEqual(expect.arrayContaining(["A=from the page", "B=two words; $(id)"]));
  });

  it("refuses a cwd that climbs out (..) before running anything, as in folder mode", async () => {
    if (page === undefined) throw new Error("no page");
    const seen = await execInPage(page, "vm", "pwd", [], { cwd: "/ui/../.." }, false);
    expect(seen.error).toContain("HTTP 400");
  });

  it("answers a missing command as folder mode does, buffered and streamed: code 127, stdout empty, the runtime's words on stderr", async () => {
    if (page === undefined) throw new Error("no page");
    const buffered = await execInPage(page, "vm", "no-such-program", ["x"], undefined, false);
    const streamed = await execInPage(page, "vm", "no-such-program", ["x"], undefined, true);
    expect(buffered).toMatchObject({
      code: 127,
      stdout: "",
      stderr: expect.stringContaining('exec: "no-such-program": executable file not found in $PATH') as unknown,
    });
    expect(streamed).toEqual(buffered);
  });
});
