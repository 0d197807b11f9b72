import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { doctorLineSchema } from "../shared/doctor-line-schema.ts";
import { builtBinary, hostArch, requireBuiltBinaries } from "../test/built-binaries.ts";
import { makeFakeTools } from "../test/fake-tools.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to each stdout chunk. */
  chunkTimes: number[];
}

function runDoctor(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(builtBinary("linux", hostArch), args, { env });
    const run: Run = { code: null, stdout: "", stderr: "", chunkTimes: [] };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      run.stdout += chunk;
      run.chunkTimes.push(performance.now() - started);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (run.stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      run.code = code;
      resolve(run);
    });
  });
}

beforeAll(requireBuiltBinaries);

describe("the Linux host binary built here", () => {
  it("receives arguments with spaces, quotes, unicode and shell characters exactly as sent", async () => {
    const values = [
      "two words",
      `it's "quoted"`,
      "$HOME; rm -rf / && echo `id` | cat > x",
      "日本語 ✓ émoji 🐳",
      "",
      "--json",
      "back\\slash",
      "tab\there",
      "new\nline",
    ];
    const run = await runDoctor(["args", "--", ...values]);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as string),
    ).toEqual(values);
  });

  it("streams one JSON line per check as each finishes, then exits 0", async () => {
    const tools = await makeFakeTools({ kubectlDelayMs: 800 });
    try {
      const run = await runDoctor(["check", "--json"], tools.env);
      expect(run.code).toBe(0);
      const lines = run.stdout
        .trimEnd()
        .split("\n")
        .map((line) => doctorLineSchema.parse(JSON.parse(line)));
      expect(lines.at(-1)).toEqual({
        type: "summary",
        found: ["docker", "kubectl", "git"],
        missing: ["node"],
        missingRequired: [],
      });
      // docker's and git's lines were out well before kubectl answered.
      expect(run.chunkTimes.length).toBeGreaterThan(1);
      expect((run.chunkTimes.at(-1) ?? 0) - (run.chunkTimes[0] ?? 0)).toBeGreaterThan(500);
    } finally {
      await tools.remove();
    }
  });

  it("exits 1 with the missing required tool named when --require fails", async () => {
    const tools = await makeFakeTools();
    try {
      const run = await runDoctor(["--require", "node"], tools.env);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("required but missing: node");
    } finally {
      await tools.remove();
    }
  });

  it("exits 2 with a usage message on stderr for a bad option", async () => {
    const run = await runDoctor(["--frobnicate"]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toBe('host-doctor: unknown option "--frobnicate"; run host-doctor --help\n');
  });

  it("prints the sample's version", async () => {
    expect((await runDoctor(["--version"])).stdout).toBe("0.1.0\n");
  });
});
