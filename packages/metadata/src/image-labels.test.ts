import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dockerCliPath } from "@dext/desktop-facts/node";
import { describe, expect, it } from "vitest";
import { main } from "./cli.ts";
import type { CommandRunner } from "./docker-cli.ts";
import { dockerImageInspect } from "./docker-cli.ts";
import { DockerError } from "./errors.ts";
import { FIXTURES } from "./testing/fixture-cases.ts";
import { checkImage } from "./image-labels.ts";

const inspectText = (name: string): string => readFileSync(join(FIXTURES, "inspect", `${name}.json`), "utf8");
const answer =
  (stdout: string, code = 0, stderr = ""): CommandRunner =>
  () =>
    Promise.resolve({ stdout, stderr, code });

describe("checkImage on docker image inspect output", () => {
  it("passes an image with every label in the right format and a semver tag", () => {
    expect(checkImage(JSON.parse(inspectText("valid")), "dext/minimal-backend:0.1.0")).toEqual([]);
  });

  it("locates each problem with a JSON path into the inspect output", () => {
    // All three are Marketplace rules (Desktop installs the image): errors only with --marketplace.
    const findings = checkImage(JSON.parse(inspectText("broken")), "dext/minimal-backend:0.1.0", { marketplace: true });
    const paths = [
      "$[0].Config.Labels",
      '$[0].Config.Labels["org.opencontainers.image.title"]',
      '$[0].Config.Labels["com.docker.extension.screenshots"]',
    ];
    expect(findings.map(({ severity, scope, path }) => `${severity} ${scope} ${path}`)).toEqual(
      paths.map((path) => `error marketplace ${path}`),
    );
    expect(findings[0]?.message).toMatch(/com\.docker\.extension\.changelog is missing/);
    const desktop = checkImage(JSON.parse(inspectText("broken")), "dext/minimal-backend:0.1.0");
    expect(desktop.map(({ severity, path }) => `${severity} ${path}`)).toEqual(paths.map((path) => `warning ${path}`));
  });

  it("warns about a latest or missing tag, which the Marketplace does not publish", () => {
    const inspect = JSON.parse(inspectText("valid")) as unknown;
    for (const ref of ["dext/minimal-backend", "dext/minimal-backend:latest", "localhost:5000/dext/x:dev"]) {
      expect(checkImage(inspect, ref)).toMatchObject([
        { severity: "warning", scope: "marketplace", path: "$[0].RepoTags" },
      ]);
      expect(checkImage(inspect, ref, { marketplace: true })).toMatchObject([
        { severity: "error", scope: "marketplace", path: "$[0].RepoTags" },
      ]);
    }
    expect(checkImage(inspect, `dext/x@sha256:${"a".repeat(64)}`)).toEqual([]);
  });

  it("reports output without an image config instead of crashing", () => {
    expect(checkImage([], "x:1.0.0")[0]).toMatchObject({ severity: "error", path: "$[0].Config" });
  });
});

describe("dockerImageInspect", () => {
  it("runs docker image inspect with an argument array, never a shell", async () => {
    const calls: [string, readonly string[]][] = [];
    const run: CommandRunner = (file, args) => {
      calls.push([file, args]);
      return Promise.resolve({ stdout: "[]", stderr: "", code: 0 });
    };
    await dockerImageInspect("x:1; rm -rf /", run);
    expect(calls).toEqual([[dockerCliPath(), ["image", "inspect", "--", "x:1; rm -rf /"]]]);
  });

  it.each([
    [
      "daemon_unreachable",
      "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
    ],
    ["image_not_found", "Error: No such image: x:1.0.0"],
    ["inspect_failed", "something else"],
  ])("fails with %s when docker says so", async (code, stderr) => {
    await expect(dockerImageInspect("x:1.0.0", answer("", 1, stderr))).rejects.toMatchObject({
      name: "DockerError",
      code,
    });
  });

  it("fails with docker_missing when the CLI is not installed", async () => {
    const { runCommand } = await import("./docker-cli.ts");
    await expect(runCommand("dext-no-such-program", [])).rejects.toBeInstanceOf(DockerError);
    await expect(runCommand("dext-no-such-program", [])).rejects.toMatchObject({ code: "docker_missing" });
  });
});

describe("dext validate --image", () => {
  async function run(argv: string[], runner: CommandRunner): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      run: runner,
    });
    return { code, stdout, stderr };
  }

  it("exits 0 for a good image and 1 for broken labels", async () => {
    expect(await run(["validate", "--image", "dext/minimal-backend:0.1.0"], answer(inspectText("valid")))).toEqual({
      code: 0,
      stdout: "image dext/minimal-backend:0.1.0: valid for Docker Desktop, no findings (labels)\n",
      stderr: "",
    });
    const broken = await run(
      ["validate", "--image", "dext/minimal-backend:0.1.0", "--json", "--marketplace"],
      answer(inspectText("broken")),
    );
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      image: "dext/minimal-backend:0.1.0",
      verdict: "marketplace",
      valid: false,
      errors: 3,
    });
    // Desktop installs it: the same three are warnings without --marketplace.
    const desktop = await run(
      ["validate", "--image", "dext/minimal-backend:0.1.0", "--json"],
      answer(inspectText("broken")),
    );
    expect(desktop.code).toBe(0);
    expect(JSON.parse(desktop.stdout)).toMatchObject({ verdict: "desktop", valid: true, errors: 0, warnings: 3 });
  });

  it("checks a folder against the image's labels instead of its Dockerfile's", async () => {
    const dir = join(FIXTURES, "extensions", "image-backend");
    const { code, stdout } = await run(
      ["validate", dir, "--image", "dext/minimal-backend:0.1.0", "--marketplace"],
      answer(inspectText("broken")),
    );
    expect(code).toBe(1);
    expect(stdout).toContain('error [marketplace] $[0].Config.Labels["org.opencontainers.image.title"]: ');
    expect(stdout).toMatch(
      /invalid for Docker Desktop and the Marketplace, 3 errors \(metadata\.json, Dockerfile with context .*, image labels\)\n$/,
    );
    // Folder mode and --image give one verdict: the same findings, warnings without --marketplace.
    const desktop = await run(
      ["validate", dir, "--image", "dext/minimal-backend:0.1.0"],
      answer(inspectText("broken")),
    );
    expect(desktop.code).toBe(0);
    expect(desktop.stdout).toMatch(
      /valid for Docker Desktop, 3 warnings \(metadata\.json, Dockerfile with context .*, image labels\); 3 are Marketplace rules \(errors with --marketplace\)\n$/,
    );
  });

  it("exits 2 with a clear message when the engine is down", async () => {
    const down = answer(
      "",
      1,
      "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
    );
    const { code, stdout, stderr } = await run(["validate", "--image", "x:1.0.0"], down);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^dext: The Docker engine is not reachable, so x:1\.0\.0 cannot be inspected/);
  });
});

// Computed once: the real-engine test runs only where `docker info` succeeds.
const engine = (() => {
  try {
    execFileSync(dockerCliPath(), ["info"], { stdio: "ignore", timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
})();

describe("with a real Docker engine", () => {
  it.runIf(engine)("inspects a labelled image built on the spot", async () => {
    const tag = `dext-metadata-test:0.0.${process.pid}`;
    const labels = JSON.parse(inspectText("valid")) as [{ Config: { Labels: Record<string, string> } }];
    const args = Object.entries(labels[0].Config.Labels).flatMap(([name, value]) => ["--label", `${name}=${value}`]);
    execFileSync(dockerCliPath(), ["build", "-q", "-t", tag, ...args, "-"], {
      input: "FROM scratch\nLABEL dext.test=1\n",
      timeout: 120_000,
    });
    try {
      let stdout = "";
      const code = await main(["validate", "--image", tag], {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
      });
      expect({ code, stdout }).toEqual({
        code: 0,
        stdout: `image ${tag}: valid for Docker Desktop, no findings (labels)\n`,
      });
    } finally {
      execFileSync(dockerCliPath(), ["image", "rm", tag], { stdio: "ignore" });
    }
  });

  it.runIf(!engine)("says it cannot run, exit 2, when docker is missing or the engine is down", async () => {
    let stderr = "";
    const code = await main(["validate", "--image", "dext-metadata-test:0.0.1"], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/not reachable|not installed/);
  });
});
