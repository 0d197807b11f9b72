// The minimal-backend image checked the way Docker Desktop uses it: labels, /metadata.json, the UI
// files it copies out, hello.sh run by vm.cli.exec, and the image's CMD as the VM service on a
// socket in /run/guest-services. Needs a Docker Engine (tooling/docker/start-engine.sh gives one).
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requestOverSocket } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  describeDockerHost,
  docker,
  engineVersion,
  launchChromium,
  openExtensionTab,
  runProgram,
  silentLogger,
  startDesktopHost,
} from "@dext/desktop/testing";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser, FrameLocator, Page } from "playwright-core";

const sampleDir = fileURLToPath(new URL("..", import.meta.url));
/** Writes the build context: the workspace pruned to this sample (see the Dockerfile). */
const pruneContext = fileURLToPath(new URL("../../../tooling/docker/prune-context.sh", import.meta.url));
/** DEXT_IMAGE tests an image built elsewhere as it is; by default the test builds its own. */
const image = process.env.DEXT_IMAGE ?? "dext/minimal-backend:test";
const engine = await engineVersion();
const imageTestsRequired = process.env.DEXT_IMAGE_TESTS === "1";

if (engine === undefined && !imageTestsRequired) {
  console.warn(
    `minimal-backend image tests SKIPPED: no Docker engine answers at DOCKER_HOST=${describeDockerHost()}. ` +
      "Start one with tooling/docker/start-engine.sh, or set DEXT_IMAGE_TESTS=1 to make this a failure.",
  );
}

/** `docker run --rm --network none <image> ...args`: a one-off command in the image, offline. */
async function runInImage(...args: string[]): Promise<string> {
  return (await docker(["run", "--rm", "--network", "none", image, ...args])).stdout;
}

/** GET over a Unix socket, one connection per request (no keep-alive left open at shutdown). */
async function getOverSocket(socketPath: string, path: string): Promise<{ status: number; body: string }> {
  const answer = await requestOverSocket({ socketPath, path, agent: false, timeoutMs: 5_000 });
  return { status: answer.status, body: answer.body.toString("utf8") };
}

describe.skipIf(engine === undefined && !imageTestsRequired)(`the minimal-backend image (${image})`, () => {
  beforeAll(async () => {
    if (engine === undefined) {
      throw new Error(
        `DEXT_IMAGE_TESTS=1 but no Docker engine answers at DOCKER_HOST=${describeDockerHost()}; start one with tooling/docker/start-engine.sh`,
      );
    }
    if (process.env.DEXT_IMAGE !== undefined) return;
    // Always build: with nothing changed BuildKit's cache makes this a second or so, and a stale
    // image can never be tested by mistake. --network host lets `pnpm install` reach the registry on
    // engines without a bridge network (tooling/docker's); on Docker Desktop it changes nothing.
    const started = Date.now();
    const context = (await runProgram(pruneContext, [sampleDir], { timeoutMs: 120_000 })).stdout.trim();
    await docker(
      ["build", "--network", "host", "--progress", "plain", "-f", join(sampleDir, "Dockerfile"), "-t", image, context],
      10 * 60_000,
    );
    console.log(`built ${image} in ${((Date.now() - started) / 1000).toFixed(1)} s (engine ${engine})`);
  });

  it("carries every label Desktop and the Marketplace require, none of them empty", async () => {
    const { stdout } = await docker(["image", "inspect", "--format", "{{json .Config.Labels}}", image]);
    const labels = JSON.parse(stdout) as Record<string, string>;
    const requiredLabels = [
      "org.opencontainers.image.title",
      "org.opencontainers.image.description",
      "org.opencontainers.image.vendor",
      "com.docker.desktop.extension.api.version",
      "com.docker.desktop.extension.icon",
      "com.docker.extension.screenshots",
      "com.docker.extension.detailed-description",
      "com.docker.extension.publisher-url",
      "com.docker.extension.changelog",
    ];
    const missingOrEmpty = requiredLabels.filter((name) => (labels[name] ?? "").trim() === "");
    expect(missingOrEmpty).toEqual([]);
    expect(labels["org.opencontainers.image.title"]).not.toMatch(/extension/i);
    // The JSON labels parse, with the build args' URLs substituted in place.
    const screenshots = JSON.parse(labels["com.docker.extension.screenshots"]!) as { alt: unknown; url: unknown }[];
    expect(screenshots.map(({ alt, url }) => [typeof alt, url])).toEqual([
      ["string", "https://example.com/dext/minimal-backend/screenshot.png"],
    ]);
    const links = JSON.parse(labels["com.docker.extension.additional-urls"]!) as { title: unknown; url: unknown }[];
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter(({ title, url }) => typeof title !== "string" || !String(url).startsWith("https://"))).toEqual(
      [],
    );
  });

  it("has the sample's metadata.json, byte for byte, at the image root", async () => {
    const inImage = await runInImage("cat", "/metadata.json");
    expect(inImage).toBe(await readFile(join(sampleDir, "metadata.json"), "utf8"));
  });

  it("holds the icon and the UI entry metadata.json names, and every file the page loads, by relative URL", async () => {
    const metadata = JSON.parse(await readFile(join(sampleDir, "metadata.json"), "utf8")) as {
      icon: string;
      ui: { "dashboard-tab": { root: string; src: string } };
    };
    const tab = metadata.ui["dashboard-tab"];
    const html = await runInImage("cat", `${tab.root}/${tab.src}`);
    const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1]!)
      .filter((url) => !/^(?:data|https?):/.test(url));
    expect(references.length).toBeGreaterThan(0);
    // Desktop serves the copied /ui folder from its own origin and path: absolute URLs break there.
    expect(references.filter((url) => url.startsWith("/"))).toEqual([]);
    const files = [`/${metadata.icon}`, ...references.map((url) => `${tab.root}/${url.replace(/[?#].*$/, "")}`)];
    // Prints the paths that are not regular files; none expected.
    const missing = await runInImage("sh", "-c", 'for f; do [ -f "$f" ] || echo "$f"; done', "sh", ...files);
    expect(missing).toBe("");
  });

  it("runs /hello.sh directly (it is executable) and prints a quoted, $-bearing argument intact", async () => {
    const output = await runInImage("/hello.sh", "it's $HOME");
    expect(output).toMatch(/^Hello, it's \$HOME! \(hello\.sh in \S+\)\n$/);
  });

  describe("run as Desktop runs the VM service", () => {
    let dir = "";
    let socket = "";
    let container = "";

    beforeAll(async () => {
      // Short path: Unix socket paths over ~104 bytes fail on macOS, 107 on Linux.
      dir = await mkdtemp("/tmp/dext-img-");
      socket = join(dir, "minimal-backend.sock");
      // No command: the image's CMD is what Desktop starts, with /run/guest-services mounted.
      const { stdout } = await docker(["run", "-d", "--network", "none", "-v", `${dir}:/run/guest-services`, image]);
      container = stdout.trim();
      const deadline = Date.now() + 20_000;
      for (;;) {
        const health = await getOverSocket(socket, "/health").catch(() => undefined);
        if (health?.status === 200) break;
        if (Date.now() > deadline) {
          const logs = await docker(["logs", container]).catch((error: unknown) => ({
            stdout: "",
            stderr: String(error),
          }));
          throw new Error(`the backend did not answer on ${socket} within 20 s:\n${logs.stdout}${logs.stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    afterAll(async () => {
      if (container !== "") await docker(["rm", "-f", container]).catch(() => undefined);
      if (dir !== "") await rm(dir, { recursive: true, force: true });
    });

    it("answers GET /hello?name=x on the socket metadata.json exposes", async () => {
      const { status, body } = await getOverSocket(socket, "/hello?name=x");
      expect(status).toBe(200);
      const greeting = JSON.parse(body) as { message: string; servedAt: string };
      expect(greeting.message).toBe("Hello, x! (from the backend)");
      expect(Number.isNaN(Date.parse(greeting.servedAt))).toBe(false);
    });

    it("answers GET /health", async () => {
      const { status, body } = await getOverSocket(socket, "/health");
      expect(status).toBe(200);
      expect(JSON.parse(body)).toMatchObject({ status: "ok" });
    });

    it("runs ./hello.sh from WORKDIR / in the service's container, as vm.cli.exec does", async () => {
      const { stdout } = await docker(["exec", container, "./hello.sh", "x y"]);
      expect(stdout).toBe(`Hello, x y! (hello.sh in ${container.slice(0, 12)})\n`);
    });

    it("exits 0 on docker stop's SIGTERM well within its 10 s, and removes its socket", async () => {
      const started = Date.now();
      await docker(["stop", container]);
      const elapsed = Date.now() - started;
      const { stdout } = await docker(["inspect", "--format", "{{.State.ExitCode}}", container]);
      expect(stdout.trim()).toBe("0");
      expect(elapsed).toBeLessThan(10_000);
      await expect(stat(socket)).rejects.toMatchObject({ code: "ENOENT" });
    });
  });

  describe("installed from the image in the dext host, in Chromium", () => {
    let host: DesktopHost;
    let browser: Browser;
    let page: Page;
    let tab: FrameLocator;

    beforeAll(async () => {
      host = await startDesktopHost({ folders: [], images: [image], logger: silentLogger });
      browser = await launchChromium();
      page = await browser.newPage();
      tab = await openExtensionTab(page, host.url, "minimal-backend-image");
    }, 60_000);

    afterAll(async () => {
      await browser.close();
      await host.stop();
    });

    it("starts the image's VM service container with its socket", () => {
      expect(
        host.extensions.map((extension) => [extension.source, extension.vm?.state().state, extension.problems]),
      ).toEqual([[`image ${image}`, "running", []]]);
    });

    it("runs hello.sh in the container and asks the backend, from the UI copied out of the image", async () => {
      await tab.getByLabel("Your name").fill("Moby");
      await tab.getByRole("button", { name: "Run hello.sh" }).click();
      await tab
        .getByRole("status")
        .filter({ hasText: /^hello\.sh: Hello, Moby! \(hello\.sh in [0-9a-f]{12}\)$/ })
        .waitFor();
      await tab.getByRole("button", { name: "Ask the backend" }).click();
      await tab.getByRole("status").filter({ hasText: "backend: Hello, Moby! (from the backend)" }).waitFor();
    });
  });
});
