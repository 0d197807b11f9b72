import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dockerfileLabels } from "./dockerfile-labels.ts";
import { readDockerfile } from "./dockerfile-model.ts";
import { FIXTURES } from "./testing/fixture-cases.ts";
import { validateMetadata } from "./validate-metadata.ts";
import { runCli } from "./testing/run-cli.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-commands-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv);

const legacy = (): Promise<void> =>
  cp(join(FIXTURES, "seeds", "004-legacy-plugin", "metadata.json"), join(dir, "metadata.json"));

describe("dext migrate", () => {
  it("prints today's metadata.json and the labels the legacy keys imply, changing nothing", async () => {
    await legacy();
    const before = await readFile(join(dir, "metadata.json"), "utf8");
    const { code, stdout } = await run("migrate", dir);
    expect(code).toBe(0);
    const json = stdout.slice(stdout.indexOf("{"), stdout.indexOf("\n}\n") + 2);
    expect(validateMetadata(JSON.parse(json))).toMatchObject({ valid: true, findings: [] });
    expect(stdout).toContain('LABEL org.opencontainers.image.title="volumes-share" \\\n');
    expect(stdout).toContain('      org.opencontainers.image.vendor="Docker Inc." \\\n');
    expect(stdout).toContain('com.docker.desktop.extension.api.version=">= 0.3.4"');
    expect(stdout).toMatch(/# desktop-plugin-version "v1\.0\.0-beta\.1" numbered the API before February 2022/);
    expect(await readFile(join(dir, "metadata.json"), "utf8")).toBe(before);
  });

  it("with --write replaces metadata.json and keeps the original, then refuses a second run", async () => {
    await legacy();
    const before = await readFile(join(dir, "metadata.json"), "utf8");
    expect((await run("migrate", "--write", dir)).code).toBe(0);
    expect(await readFile(join(dir, "metadata.json.bak"), "utf8")).toBe(before);
    const again = await run("migrate", "--write", dir);
    expect(again).toMatchObject({ code: 2, stdout: "" });
    expect(again.stderr).toMatch(/already in today's format/);
  });

  it("never overwrites an existing backup", async () => {
    await legacy();
    await writeFile(join(dir, "metadata.json.bak"), "an older original");
    const { code, stderr } = await run("migrate", "--write", dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/metadata\.json\.bak already exists/);
    expect(await readFile(join(dir, "metadata.json.bak"), "utf8")).toBe("an older original");
    expect(JSON.parse(await readFile(join(dir, "metadata.json"), "utf8"))).toHaveProperty("desktop-plugin-version");
  });

  it("exits 1 and lists what is still wrong when the legacy sections are broken too", async () => {
    await writeFile(
      join(dir, "metadata.json"),
      JSON.stringify({
        name: "x",
        provider: "y",
        "desktop-plugin-version": "v1",
        ui: { "dashboard-tab": { title: "T", root: "ui", src: "/index.html" } },
      }),
    );
    const { code, stdout } = await run("migrate", dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/# error \[desktop\] \$\.ui\["dashboard-tab"\]\.src: /);
    // A relative root is what Desktop installs: a warning with the absolute spelling.
    expect(stdout).toMatch(/# warning \[desktop\] \$\.ui\["dashboard-tab"\]\.root: root "ui" is relative/);
  });

  it("exits 2 when the folder or metadata.json is missing", async () => {
    expect((await run("migrate", dir)).code).toBe(2);
    expect((await run("migrate", join(dir, "nope"))).code).toBe(2);
  });
});

describe("dext labels", () => {
  it("prints the Dockerfile's labels and placeholders for the rest, which parse back", async () => {
    await cp(join(FIXTURES, "extensions", "image-backend"), dir, { recursive: true });
    await writeFile(
      join(dir, "Dockerfile"),
      (await readFile(join(dir, "Dockerfile"), "utf8")).replace(/ +com\.docker\.extension\.changelog=.*\n/, ""),
    );
    const { code, stdout } = await run("labels", dir);
    expect(code).toBe(0);
    expect(stdout).toContain('org.opencontainers.image.title="Hello"');
    expect(stdout).toContain('com.docker.extension.changelog="<fill in: what changed in this version, text or HTML>"');
    const parsed = dockerfileLabels(readDockerfile(`FROM scratch\n${stdout}`, "Dockerfile"));
    expect(parsed.labels.size).toBe(11);
  });

  it("works from metadata alone, and exits 2 without a folder", async () => {
    await writeFile(
      join(dir, "metadata.json"),
      JSON.stringify({ ui: { "dashboard-tab": { title: "Disk usage", root: "/ui", src: "index.html" } } }),
    );
    expect((await run("labels", dir)).stdout).toContain('LABEL org.opencontainers.image.title="Disk usage" \\\n');
    expect((await run("labels", join(dir, "nope"))).code).toBe(2);
  });
});

describe("dext validate options", () => {
  it("reads --build-arg values as docker build does", async () => {
    await cp(join(FIXTURES, "extensions", "image-backend"), dir, { recursive: true });
    const dockerfile = join(dir, "Dockerfile");
    await writeFile(dockerfile, (await readFile(dockerfile, "utf8")).replace("ARG VERSION=1.0.0", "ARG VERSION"));
    expect((await run("validate", dir)).stdout).toMatch(
      /warning \[desktop\] .*Dockerfile:18: .* an ARG without a default/,
    );
    expect(await run("validate", dir, "--build-arg", "VERSION=2.0.0")).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("valid for Docker Desktop, no findings") as string,
    });
  });

  it("reads the Dockerfile for --platform, as docker build --platform does", async () => {
    await cp(join(FIXTURES, "extensions", "host-binaries"), dir, { recursive: true });
    await rm(join(dir, "bin", "linux-arm64"), { recursive: true });
    expect((await run("validate", dir, "--platform", "linux/amd64")).stdout).toContain(
      "valid for Docker Desktop, no findings",
    );
    expect((await run("validate", dir, "--platform", "linux/arm64")).stdout).toContain(
      'The COPY source "bin/linux-arm64/hello" does not exist',
    );
  });

  it("takes --dockerfile and --context, and exits 2 when they do not exist", async () => {
    const app = join(FIXTURES, "contexts", "monorepo", "samples", "app");
    await cp(join(app, "metadata.json"), join(dir, "metadata.json"));
    const given = ["--dockerfile", join(app, "Dockerfile"), "--context", join(FIXTURES, "contexts", "monorepo")];
    expect(await run("validate", dir, ...given)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("valid for Docker Desktop, no findings") as string,
    });
    expect((await run("validate", dir, "--dockerfile", join(dir, "Nope"))).code).toBe(2);
    expect(
      (await run("validate", dir, "--dockerfile", join(app, "Dockerfile"), "--context", join(dir, "nope"))).code,
    ).toBe(2);
  });

  it.each([
    [["validate", "--build-arg", "=x"], /--build-arg wants NAME=value/],
    [["validate", "--platform", "arm64"], /--platform wants os\/arch/],
    [["migrate", "a", "b"], /migrate takes one folder/],
    [["labels", "--json"], /labels: Unknown option '--json'/],
  ])("refuses %j with the usage, exit 2", async (argv, reason) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
  });
});
