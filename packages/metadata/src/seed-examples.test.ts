import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkCompose } from "./check-compose.ts";
import { checkMetadataText } from "./check-metadata-text.ts";
import { main } from "./cli.ts";
import { readComposeFile } from "./compose-file.ts";
import { FIXTURES } from "./testing/fixture-cases.ts";
import { metadataRefs } from "./metadata-refs.ts";
import { validateExtensionDir } from "./validate-extension-dir.ts";
import { validateLabels } from "./validate-labels.ts";
import { validateMetadata } from "./validate-metadata.ts";

const seeds = join(FIXTURES, "seeds");
const temporary: string[] = [];
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const located = (dir: string) => (finding: { severity: string; path: string; message: string }) =>
  `${finding.severity} ${finding.path.replace(`${dir}/`, "")}: ${finding.message}`;

describe("seed 000, the minimal-backend tutorial", () => {
  const dir = join(seeds, "000-minimal-backend");

  it("has a valid metadata.json, as the tutorial says", async () => {
    expect(validateMetadata(JSON.parse(await readFile(join(dir, "metadata.json"), "utf8")))).toMatchObject({
      valid: true,
      findings: [],
    });
  });

  // The tutorial's image installs in Desktop: the labels it lacks are the Marketplace's.
  it("has the labels Desktop reads; the Marketplace ones added since are missing (errors only with --marketplace), and the UI stage is not on $BUILDPLATFORM", async () => {
    const missing = ["screenshots", "detailed-description", "publisher-url", "changelog", "categories"].map(
      (name) => `Dockerfile:6: The label com.docker.extension.${name} is missing`,
    );
    const desktop = await validateExtensionDir(dir);
    expect(desktop.valid).toBe(true);
    expect(desktop.findings.map(located(dir)).map((line) => line.replace(/;.*|, which.*|, so .*/, ""))).toEqual([
      'warning Dockerfile:1: The UI is built in stage "client-builder"',
      ...missing.map((line) => `warning ${line}`),
    ]);
    const listed = await validateExtensionDir(dir, { marketplace: true });
    expect(listed.findings.map(located(dir)).map((line) => line.replace(/;.*|, which.*|, so .*/, ""))).toEqual([
      'warning Dockerfile:1: The UI is built in stage "client-builder"',
      ...missing.map((line) => `error ${line}`),
    ]);
  });
});

describe("seeds 001 and 002, the metadata reference (the same page twice)", () => {
  // The sections as the page prints them, each under the root it belongs to.
  const sections = {
    ui: '{"ui":{\n    "dashboard-tab":\n    {\n        "title":"MyTitle",\n        "root":"/ui",\n        "src":"index.html"\n    }\n}}',
    "vm image": '{"vm": {\n    "image":"${DESKTOP_PLUGIN_IMAGE}"\n}}',
    "vm composefile": '{"vm": {\n    "composefile":"docker-compose.yaml"\n}}',
    "root with icon":
      '{\n    "icon": "extension-icon.svg",\n    "ui": {"dashboard-tab": {"title": "MyTitle", "root": "/ui", "src": "index.html"}}\n}',
  };
  const host =
    '{"host": {\n    "binaries": [\n      {\n        "darwin": [\n          {\n            "path": "/darwin/myBinary"\n          },\n        ],\n' +
    '        "windows": [\n          {\n            "path": "/windows/myBinary.exe"\n          },\n        ],\n        "linux": [\n          {\n' +
    '            "path": "/linux/myBinary"\n          },\n        ]\n      }\n    ]\n  }}';

  it.each(Object.entries(sections))("accepts the %s example", (_name, text) => {
    expect(checkMetadataText(text, "metadata.json").findings).toEqual([]);
  });

  it("reports the host example's trailing commas as invalid JSON at their line, and accepts it without them", () => {
    const { findings } = checkMetadataText(host, "metadata.json");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "error",
      line: 8,
      message: expect.stringContaining("not valid JSON") as string,
    });
    expect(checkMetadataText(host.replace(/},\n(\s*)]/g, "}\n$1]"), "metadata.json").findings).toEqual([]);
  });
});

describe("seed 003, the metadata page with a compose example", () => {
  const dir = join(seeds, "003-compose");

  it("accepts the compose file, whose absolute bind mount is fine", async () => {
    const metadata = JSON.parse(await readFile(join(dir, "metadata.json"), "utf8")) as unknown;
    expect(validateMetadata(metadata).findings).toEqual([]);
    const compose = readComposeFile(await readFile(join(dir, "iechor-compose.yaml"), "utf8"), "iechor-compose.yaml");
    expect(checkCompose(compose, metadataRefs(metadata))).toEqual({
      findings: [],
      servicesNeedingCmd: ["myExtension"],
    });
  });

  it("as a folder, only lacks the Dockerfile the page does not show", async () => {
    const { findings } = await validateExtensionDir(dir);
    expect(findings.map((finding) => finding.path)).toEqual([join(dir, "Dockerfile")]);
  });
});

describe("seed 004, the plugin format of the extensions preview (before February 2022)", () => {
  const dir = join(seeds, "004-legacy-plugin");

  // Docker's SDK dropped desktop-plugin-version for the api.version label in January 2022;
  // Desktop reads icon, ui, vm and host and ignores the old keys, docker extension validate refuses them.
  it("gets one Marketplace finding that points to dext migrate: a warning, an error with --marketplace", async () => {
    const document = JSON.parse(await readFile(join(dir, "metadata.json"), "utf8")) as unknown;
    for (const [marketplace, severity] of [
      [false, "warning"],
      [true, "error"],
    ] as const) {
      const { findings } = validateMetadata(document, { marketplace });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        severity,
        scope: "marketplace",
        path: "$",
        message: expect.stringContaining("format from before February 2022") as string,
      });
      expect(findings[0]?.fix).toMatch(/^Run dext migrate/);
    }
  });

  it("validates after dext migrate --write, which keeps the original as metadata.json.bak", async () => {
    const copy = await mkdtemp(join(tmpdir(), "dext-seed-004-"));
    temporary.push(copy);
    await cp(dir, copy, { recursive: true });
    const original = await readFile(join(copy, "metadata.json"), "utf8");
    const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
    expect(await main(["migrate", "--write", copy], quiet)).toBe(0);
    expect(await readFile(join(copy, "metadata.json.bak"), "utf8")).toBe(original);
    const migrated = JSON.parse(await readFile(join(copy, "metadata.json"), "utf8")) as unknown;
    expect(validateMetadata(migrated)).toMatchObject({ valid: true, findings: [] });
    expect(Object.keys(migrated as object)).toEqual(["icon", "ui", "vm", "host"]);
  });
});

describe("platform.md's examples", () => {
  const withVm = (vm: unknown): unknown => ({ vm });

  it("accepts vm.exposes.socket backend.sock and refuses a socket path past macOS's limit", () => {
    expect(
      validateMetadata(withVm({ image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket: "backend.sock" } })).findings,
    ).toEqual([]);
    expect(
      validateMetadata(withVm({ image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket: `${"x".repeat(90)}.sock` } }))
        .valid,
    ).toBe(false);
  });

  it("warns when vm.image hard-codes an image instead of ${DESKTOP_PLUGIN_IMAGE}", () => {
    expect(validateMetadata(withVm({ image: "alpine:3.20" })).findings.map((finding) => finding.severity)).toEqual([
      "warning",
    ]);
  });

  it("accepts the docker.sock.raw mount it recommends and refuses the relative bind mount it warns about", () => {
    const refs = metadataRefs(withVm({ composefile: "compose.yaml" }));
    const compose = (volume: string): string =>
      `services:\n  backend:\n    image: \${DESKTOP_PLUGIN_IMAGE}\n    volumes:\n      - ${volume}\n`;
    expect(
      checkCompose(readComposeFile(compose("/var/run/docker.sock.raw:/var/run/docker.sock"), "c.yaml"), refs).findings,
    ).toEqual([]);
    expect(checkCompose(readComposeFile(compose("./data:/data"), "c.yaml"), refs).findings).toMatchObject([
      { severity: "error", line: 5 },
    ]);
  });

  it("accepts labels in the formats its table gives", () => {
    const labels = new Map(
      Object.entries({
        "org.opencontainers.image.title": "My tool",
        "org.opencontainers.image.description": "Does things",
        "org.opencontainers.image.vendor": "Acme, Inc.",
        "com.docker.desktop.extension.api.version": ">= 0.3.3",
        "com.docker.desktop.extension.icon": "https://example.com/assets/image.svg",
        "com.docker.extension.screenshots": '[{"alt":"Main","url":"https://example.com/1.png"}]',
        "com.docker.extension.detailed-description": "<h1>Tool</h1>",
        "com.docker.extension.publisher-url": "https://example.com",
        "com.docker.extension.changelog": "<ul><li>First</li></ul>",
        "com.docker.extension.additional-urls": '[{"title":"Docs","url":"https://example.com/docs"}]',
        "com.docker.extension.account-info": "required",
        "com.docker.extension.categories": "ci-cd,volumes",
      }).map(([name, value]) => [name, { value, at: { path: `$.${name}` } }]),
    );
    expect(validateLabels({ labels, missingAt: { path: "$" } })).toEqual([]);
  });
});
