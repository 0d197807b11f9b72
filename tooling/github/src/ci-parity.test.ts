import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCiParity } from "./ci-parity.ts";
import { REPO_ROOT, REPO_WORKFLOWS } from "./cli.ts";
import { lintWorkflowText } from "./lint-workflows.ts";
import { scriptCalls } from "./script-calls.ts";

const ciRun = await readFile(join(REPO_ROOT, ".ci", "run"), "utf8");
const ciFile = join(REPO_WORKFLOWS, "ci.yml");
const ciYml = await readFile(ciFile, "utf8");

/** ci.yml with `from` replaced by `to`; throws when `from` is not there, so no case tests it unchanged. */
function ciYmlWith(from: string, to: string): string {
  if (!ciYml.includes(from)) throw new Error(`ci.yml has no ${JSON.stringify(from)}`);
  return ciYml.replace(from, to);
}

describe("the scripts a shell text runs", () => {
  it("are read from .ci/run in order, with their arguments", () => {
    expect(scriptCalls(ciRun).map((call) => call.command)).toEqual([
      "tooling/scripts/bootstrap.sh",
      "pnpm test",
      "tooling/docker/install-engine.sh",
      "tooling/docker/install-arm64.sh",
      "tooling/docker/start-engine.sh",
      "tooling/docker/make-node-image.sh",
      "tooling/docker/make-node-image.sh --platform linux/arm64",
      "tooling/docker/test-images.sh",
    ]);
  });

  it("count a line's first command only, unwrapped from $(...), eval and assignments", () => {
    const text = [
      "# tooling/docker/commented.sh",
      "./tooling/a.sh --flag value   # a comment",
      "out=$(tooling/b.sh)",
      'eval "$(tooling/c.sh)"',
      "DEXT_X=1 tooling/d.sh && tooling/not-first.sh",
      "if [ -n x ]; then steps=('tooling/in-a-string.sh'); fi",
      "pnpm install --frozen-lockfile",
      "pnpm exec turbo run build",
      "pnpm test",
      "tooling/e.sh \\",
      "  --continued",
    ].join("\n");
    expect(scriptCalls(text)).toEqual([
      { command: "tooling/a.sh --flag value", line: 2 },
      { command: "tooling/b.sh", line: 3 },
      { command: "tooling/c.sh", line: 4 },
      { command: "tooling/d.sh", line: 5 },
      { command: "pnpm test", line: 9 },
      { command: "tooling/e.sh --continued", line: 10 },
    ]);
  });
});

describe("dext-ci-parity", () => {
  it("passes the repository's ci.yml against its .ci/run", () => {
    expect(checkCiParity(ciYml, ciFile, ciRun)).toEqual([]);
  });

  it("refuses a workflow that runs two of the scripts out of order, saying which and where", () => {
    const swapped = ciYmlWith(
      "tooling/docker/install-engine.sh\n          tooling/docker/install-arm64.sh\n",
      "tooling/docker/install-arm64.sh\n          tooling/docker/install-engine.sh\n",
    );
    const findings = checkCiParity(swapped, "ci.yml", ciRun);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "ci.yml", kind: "dext-ci-parity" });
    expect(findings[0]?.message).toMatch(
      /^\.ci\/run runs "tooling\/docker\/install-arm64\.sh" \(line \d+\) after "tooling\/docker\/install-engine\.sh" \(line \d+\); this workflow runs it \(job "image-stage" line \d+\) but not after "tooling\/docker\/install-engine\.sh" \(job "image-stage" line \d+\): later in the same job, or in a job that needs that one$/,
    );
  });

  it("refuses a workflow that leaves a script out", () => {
    const findings = checkCiParity(
      ciYmlWith("          tooling/docker/make-node-image.sh --platform linux/arm64\n", ""),
      "ci.yml",
      ciRun,
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(
        /^\.ci\/run runs "tooling\/docker\/make-node-image\.sh --platform linux\/arm64" \(line \d+\) after "tooling\/docker\/make-node-image\.sh" \(line \d+\); no step of this workflow runs it: CI must run the scripts \.ci\/run runs, in its order$/,
      ),
    ]);
  });

  it("refuses the image stage in a job that does not wait for `pnpm test`'s", () => {
    const findings = checkCiParity(ciYmlWith("    needs: checks\n", ""), "ci.yml", ciRun);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(
        /runs "tooling\/docker\/install-engine\.sh" .* after "pnpm test" .* but not after "pnpm test" \(job "checks" line \d+\)/,
      ),
    ]);
  });

  it("is part of the lint of a ci.yml in a repository with a .ci/run", async () => {
    const findings = await lintWorkflowText(ciYmlWith("      - run: pnpm test\n", ""), ciFile);
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: "dext-ci-parity",
        message: expect.stringMatching(/runs "pnpm test"/) as unknown,
      }),
    );
  });
});
