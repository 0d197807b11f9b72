import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES } from "./testing/fixture-cases.ts";
import type { Finding } from "./finding.ts";
import { validateMetadata } from "./validate-metadata.ts";
import { runCli } from "./testing/run-cli.ts";

const SAMPLE =
  '{"icon":"docker.svg","vm":{"image":"${DESKTOP_PLUGIN_IMAGE}","exposes":{"socket":"minimal-backend.sock"}},"ui":{"dashboard-tab":{"title":"Minimal backend","root":"/ui","src":"index.html"}}}';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-cli-"));
  file = join(dir, "metadata.json");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A complete extension (metadata.json, Dockerfile, the files it copies) in the test's folder. */
async function copyValidExtension(): Promise<void> {
  await cp(join(FIXTURES, "extensions", "image-backend"), dir, { recursive: true });
}

// A folder with only metadata.json gets this warning: the image side was not checked.
const NO_DOCKERFILE = /^warning \[desktop\] .*\/Dockerfile: There is no Dockerfile in /m;

const run = (...argv: string[]) => runCli(argv);

describe("dext validate", () => {
  it("exits 0 and says valid for a complete extension folder", async () => {
    await copyValidExtension();
    expect(await run("validate", dir)).toEqual({
      code: 0,
      stdout: `${dir}: valid for Docker Desktop, no findings (metadata.json, Dockerfile with context ${dir})\n`,
      stderr: "",
    });
  });

  it("exits 0 for the minimal-backend sample's metadata.json alone, warning that the image side was not checked", async () => {
    await writeFile(file, SAMPLE);
    const { code, stdout, stderr } = await run("validate", dir);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(NO_DOCKERFILE);
    expect(stdout).toMatch(/: valid for Docker Desktop, 1 warning \(metadata\.json\)\n$/);
  });

  it("exits 0 with warnings only, one line per warning before the summary", async () => {
    await writeFile(file, JSON.stringify({ vm: { image: "nginx:1.27" } }));
    const { code, stdout } = await run("validate", dir);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^warning \[desktop\] \$\.vm\.image: vm\.image hard-codes "nginx:1\.27"; .* \(fix: Use "\$\{DESKTOP_PLUGIN_IMAGE\}" .*\)$/,
    );
    expect(lines[1]).toMatch(NO_DOCKERFILE);
    expect(lines[2]).toBe(`${dir}: valid for Docker Desktop, 2 warnings (metadata.json)`);
  });

  it("exits 1 and prints each error with its path and fix", async () => {
    await writeFile(
      file,
      JSON.stringify({ vm: { image: "${DESKTOP_PLUGIN_IMAGE}", composefile: "c.yaml" }, icon: "x.gif" }),
    );
    const { code, stdout, stderr } = await run("validate", dir);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toContain(
      "error [desktop] $.vm: vm declares both image and composefile; Desktop runs one or the other (fix: Keep image for a single container, or composefile when you need several services or extra mounts.)\n",
    );
    expect(stdout).toContain("warning [desktop] $.icon: ");
    // The other two: no Dockerfile, and no c.yaml next to metadata.json.
    expect(stdout).toMatch(/: invalid for Docker Desktop, 1 error, 3 warnings \(metadata\.json\)\n$/);
  });

  it("explains the pre-2022 format in one Marketplace finding: a warning by default, an error with --marketplace", async () => {
    // Desktop ignores the three keys (it reads icon, ui, vm and host); docker extension validate refuses them.
    await writeFile(
      file,
      JSON.stringify({
        name: "x",
        provider: "y",
        "desktop-plugin-version": "v1",
        ui: { "dashboard-tab": { title: "X", root: "/ui", src: "index.html" } },
      }),
    );
    const desktop = await run("validate", dir);
    expect(desktop.code).toBe(0);
    expect(desktop.stdout.match(/^warning \[marketplace\] \$: .*before February 2022/gm)).toHaveLength(1);
    expect(desktop.stdout).toMatch(
      /valid for Docker Desktop, 2 warnings \(metadata\.json\); 1 is a Marketplace rule \(errors with --marketplace\)\n$/,
    );
    const listed = await run("validate", "--marketplace", dir);
    expect(listed.code).toBe(1);
    expect(listed.stdout.match(/^error /gm)).toHaveLength(1);
    expect(listed.stdout).toMatch(
      /^error \[marketplace\] \$: This metadata.json uses the extension format from before February 2022 \(name, provider, desktop-plugin-version\)/m,
    );
    expect(listed.stdout).toMatch(
      /invalid for Docker Desktop and the Marketplace, 1 error, 1 warning \(metadata\.json\)\n$/,
    );
  });

  it("validates the current folder when no folder is given", async () => {
    await copyValidExtension();
    const before = process.cwd();
    process.chdir(dir);
    try {
      expect(await run("validate")).toMatchObject({
        code: 0,
        stdout: ".: valid for Docker Desktop, no findings (metadata.json, Dockerfile with context .)\n",
      });
    } finally {
      process.chdir(before);
    }
  });

  it("prints one JSON report with --json, each finding with its scope", async () => {
    await writeFile(file, JSON.stringify({ vm: { image: "nginx" }, extra: 1 }));
    const { code, stdout } = await run("validate", "--json", "--marketplace", dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: Finding[] };
    expect(report).toMatchObject({ file, verdict: "marketplace", valid: false, errors: 1, warnings: 2 });
    expect(report.findings.map(({ severity, scope, path }) => `${severity} ${scope} ${path}`)).toEqual([
      "error marketplace $.extra",
      "warning desktop $.vm.image",
      `warning desktop ${join(dir, "Dockerfile")}`,
    ]);
    expect(report.findings[0]).toEqual(validateMetadata({ extra: 1 }, { marketplace: true }).findings[0]);
    // Without --marketplace the unknown key, which Desktop ignores, is a warning.
    const desktop = JSON.parse((await run("validate", "--json", dir)).stdout) as { findings: Finding[] };
    expect(desktop).toMatchObject({ verdict: "desktop", valid: true, errors: 0, warnings: 3 });
    expect(desktop.findings[0]).toMatchObject({ severity: "warning", scope: "marketplace", path: "$.extra" });
  });

  it("reports a clean folder as valid JSON with --json", async () => {
    await copyValidExtension();
    const { code, stdout } = await run("validate", dir, "--json");
    expect(code).toBe(0);
    const dockerfile = join(dir, "Dockerfile");
    expect(JSON.parse(stdout)).toEqual({
      file,
      verdict: "desktop",
      dockerfile,
      context: dir,
      valid: true,
      errors: 0,
      warnings: 0,
      findings: [],
    });
  });

  it("reports invalid JSON as an error at its line and column, exit 1, and still checks the rest", async () => {
    await writeFile(file, '{\n  "icon": "docker.svg",\n}\n');
    const { code, stdout, stderr } = await run("validate", dir);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(stdout).toContain(`error [desktop] ${file}:3:1: metadata.json is not valid JSON: `);
    expect(stdout).toMatch(NO_DOCKERFILE);
  });

  it("gives the line and column of invalid JSON as fields under --json", async () => {
    await writeFile(file, '{\n  "icon": "docker.svg",\n}\n');
    const { code, stdout, stderr } = await run("validate", "--json", dir);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const report = JSON.parse(stdout) as { findings: Finding[] };
    expect(report).toMatchObject({ file, valid: false, errors: 1 });
    expect(report.findings[0]).toMatchObject({ severity: "error", path: `${file}:3:1`, file, line: 3, column: 1 });
    expect(report.findings[0]?.message).toMatch(/not valid JSON/);
  });
});

describe("dext validate when it cannot run", () => {
  it("exits 2 for a missing folder, on stderr", async () => {
    const { code, stdout, stderr } = await run("validate", join(dir, "missing"));
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^dext: The extension folder .*missing does not exist\n$/);
  });

  it("exits 2 for a folder without metadata.json", async () => {
    const { code, stderr } = await run("validate", dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/has no metadata\.json/);
  });

  it("exits 2 with a JSON error document under --json", async () => {
    const { code, stdout, stderr } = await run("validate", "--json", join(dir, "missing"));
    expect({ code, stderr }).toEqual({ code: 2, stderr: "" });
    const report = JSON.parse(stdout) as { error: { message: string } };
    expect(report).toMatchObject({
      file: join(dir, "missing", "metadata.json"),
      valid: false,
      error: { code: "dir_not_found" },
    });
    expect(report.error.message).toMatch(/does not exist/);
  });
});

describe("dext usage", () => {
  const helpRequests = [[["help"]], [["--help"]], [["validate", "--help"]]];
  it.each(helpRequests)("prints usage on stdout and exits 0 when asked for help: %j", async (argv) => {
    const { code, stdout, stderr } = await run(...argv);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^Usage: dext <command>/);
    expect(stdout).toMatch(/Exit codes: 0 valid \(warnings allowed\), 1 errors found, 2 could not run/);
  });

  it("prints usage on stderr and exits 2 without a command", async () => {
    const { code, stdout, stderr } = await run();
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^Usage: dext <command>/);
  });

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["validate", "--nope"], /validate: Unknown option '--nope'/],
    [["validate", "a", "b"], /validate takes one folder, got 2: a b/],
  ])("refuses %j with a reason and the usage, exit 2", async (argv, reason) => {
    const { code, stdout, stderr } = await run(...argv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(reason);
    expect(stderr).toContain("Usage: dext <command>");
  });
});
