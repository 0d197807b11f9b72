// The host-binaries image checked the way Docker Desktop uses it: labels, /metadata.json, the UI,
// and the host binaries it copies out for each OS, for this image's CPU. The image is FROM scratch
// (no VM service), so files are copied out of a created container rather than read by a shell in it.
// Needs a Docker Engine (tooling/docker/start-engine.sh gives one).
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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
import { readBinaryKind } from "../build/binary-format.ts";
import { verifyMachOSignature } from "../build/macho-code-signature.ts";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser, FrameLocator, Page } from "playwright-core";

const sampleDir = fileURLToPath(new URL("..", import.meta.url));
/** Writes the build context: the workspace pruned to this sample (see the Dockerfile). */
const pruneContext = fileURLToPath(new URL("../../../tooling/docker/prune-context.sh", import.meta.url));
/** DEXT_IMAGE tests an image built elsewhere as it is; by default the test builds its own. */
const image = process.env.DEXT_IMAGE ?? "dext/host-binaries:test";
const engine = await engineVersion();
const imageTestsRequired = process.env.DEXT_IMAGE_TESTS === "1";

if (engine === undefined && !imageTestsRequired) {
  console.warn(
    `host-binaries image tests SKIPPED: no Docker engine answers at DOCKER_HOST=${describeDockerHost()}. ` +
      "Start one with tooling/docker/start-engine.sh, or set DEXT_IMAGE_TESTS=1 to make this a failure.",
  );
}

describe.skipIf(engine === undefined && !imageTestsRequired)(`the host-binaries image (${image})`, () => {
  let files = "";
  let arch = "";

  beforeAll(async () => {
    if (engine === undefined) {
      throw new Error(
        `DEXT_IMAGE_TESTS=1 but no Docker engine answers at DOCKER_HOST=${describeDockerHost()}; start one with tooling/docker/start-engine.sh`,
      );
    }
    if (process.env.DEXT_IMAGE === undefined) {
      // --network host: the builder stage fetches Bun runtimes and packages from the npm registry.
      const started = Date.now();
      const context = (await runProgram(pruneContext, [sampleDir], { timeoutMs: 120_000 })).stdout.trim();
      await docker(
        [
          "build",
          "--network",
          "host",
          "--progress",
          "plain",
          "-f",
          join(sampleDir, "Dockerfile"),
          "-t",
          image,
          context,
        ],
        15 * 60_000,
      );
      console.log(`built ${image} in ${((Date.now() - started) / 1000).toFixed(1)} s (engine ${engine})`);
    }
    arch = (await docker(["image", "inspect", "--format", "{{.Architecture}}", image])).stdout.trim();
    files = await mkdtemp("/tmp/dext-hb-");
    const container = (await docker(["create", image, "/none"])).stdout.trim();
    try {
      await docker(["cp", `${container}:/`, files], 120_000);
    } finally {
      await docker(["rm", container]).catch(() => undefined);
    }
  });

  afterAll(async () => {
    if (files !== "") await rm(files, { recursive: true, force: true });
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
    expect(requiredLabels.filter((name) => (labels[name] ?? "").trim() === "")).toEqual([]);
  });

  it("has the sample's metadata.json, byte for byte, at the image root, and the icon and UI it names", async () => {
    expect(await readFile(join(files, "metadata.json"), "utf8")).toBe(
      await readFile(join(sampleDir, "metadata.json"), "utf8"),
    );
    const html = await readFile(join(files, "ui", "index.html"), "utf8");
    const scripts = [...html.matchAll(/\bsrc="\.\/([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of ["doctor.svg", ...scripts.map((s) => `ui/${s}`)])
      await expect(stat(join(files, file))).resolves.toBeTruthy();
  });

  it("puts each OS's executable, for the image's CPU, where metadata.json says, executable", async () => {
    const expected = [
      ["darwin/host-doctor", { format: "mach-o", cpu: arch }],
      ["windows/host-doctor.exe", { format: "pe", cpu: "amd64" }],
      ["linux/host-doctor", { format: "elf", cpu: arch }],
    ] as const;
    for (const [path, kind] of expected) {
      const bytes = await readFile(join(files, path));
      expect(readBinaryKind(bytes.subarray(0, 4096)), path).toEqual({ ...kind, executable: true });
      if (!path.startsWith("windows"))
        expect((await stat(join(files, path))).mode & 0o111, `${path} is not executable`).not.toBe(0);
    }
    expect(verifyMachOSignature(await readFile(join(files, "darwin/host-doctor"))).problems).toEqual([]);
  });

  it("ships a Linux binary that runs here and receives its arguments intact", () => {
    const values = ["a b", `it's "q"`, "$(id); | &", "日本語"];
    const run = spawnSync(join(files, "linux/host-doctor"), ["args", "--", ...values], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as string),
    ).toEqual(values);
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
      tab = await openExtensionTab(page, host.url, "host-binaries-image");
    }, 60_000);

    afterAll(async () => {
      await browser.close();
      await host.stop();
    });

    it("installs the host binary copied out of the image, with no problems", () => {
      expect(host.extensions.map((extension) => [extension.source, extension.problems])).toEqual([
        [`image ${image}`, []],
      ]);
    });

    it("runs the check through host.cli.exec and shows exit 0", async () => {
      await tab.getByLabel("Required tools").fill("");
      await tab.getByRole("button", { name: "Run check" }).click();
      await tab.getByLabel("Exit status").filter({ hasText: "exit 0: the check ran" }).waitFor();
      await tab.getByRole("table", { name: "Tools" }).getByRole("row").filter({ hasText: /^node/ }).waitFor();
    });
  });
});
