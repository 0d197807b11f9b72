import { describe, expect, it } from "vitest";
import { pinsAsTags } from "./actionlint.ts";
import { checkPolicy } from "./policy.ts";
import { VALID, broken } from "./testing/workflow-cases.ts";

const SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";

describe("dext's workflow policy", () => {
  it("passes the valid base workflow", () => {
    expect(checkPolicy(VALID, "valid.yml")).toEqual([]);
  });

  it.each([
    [
      "an action pinned to a tag",
      broken(`@${SHA} # v4.2.2`, "@v4"),
      "dext-pin",
      14,
      15,
      /actions\/checkout is not pinned to a commit/,
    ],
    [
      "an action pinned to a branch",
      broken(`@${SHA} # v4.2.2`, "@main"),
      "dext-pin",
      14,
      15,
      /actions\/checkout is not pinned to a commit/,
    ],
    [
      "an action with no ref",
      broken(`@${SHA} # v4.2.2`, ""),
      "dext-pin",
      14,
      15,
      /actions\/checkout is not pinned to a commit/,
    ],
    ["a SHA without its version", broken(`@${SHA} # v4.2.2`, `@${SHA}`), "dext-pin", 14, 15, /has no version comment/],
    [
      "a SHA with a comment that is no version",
      broken(`@${SHA} # v4.2.2`, `@${SHA} # checkout`),
      "dext-pin",
      14,
      15,
      /has no version comment/,
    ],
    [
      "no top-level permissions",
      broken("permissions:\n  contents: read\n", ""),
      "dext-permissions",
      1,
      1,
      /no top-level "permissions"/,
    ],
    [
      "a write granted to every job",
      broken("permissions:\n  contents: read\n", "permissions:\n  contents: write\n"),
      "dext-permissions",
      6,
      3,
      /grants contents: write to every job/,
    ],
    [
      "write-all at the top",
      broken("permissions:\n  contents: read\n", "permissions: write-all\n"),
      "dext-permissions",
      5,
      14,
      /grants write-all to every job/,
    ],
    [
      "a job asking for write-all",
      broken("    permissions:\n      packages: write\n", "    permissions: write-all\n"),
      "dext-permissions",
      21,
      18,
      /job "publish" asks for write-all/,
    ],
    [
      "no concurrency group",
      broken("concurrency:\n  group: sample-${{ github.ref }}\n  cancel-in-progress: true\n", ""),
      "dext-concurrency",
      1,
      1,
      /no top-level "concurrency"/,
    ],
  ])("rejects %s", (_name, text, kind, line, column, message) => {
    const findings = checkPolicy(text, "broken.yml");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "broken.yml", kind, line, column });
    expect(findings[0]?.message).toMatch(message);
  });

  it("leaves local actions and reusable workflows of this repository alone", () => {
    const text = broken(
      "      - run: echo publish\n",
      "      - uses: ./.github/actions/setup\n      - uses: docker://alpine:3.20\n",
    );
    expect(checkPolicy(text, "local.yml")).toEqual([]);
  });
});

describe("pinsAsTags: what actionlint reads", () => {
  it("names each SHA-pinned action by its major version, keeping lines and the columns before @", () => {
    const text = `    steps:\n      - uses: actions/checkout@${SHA} # v4.2.2\n      - uses: "docker/login-action@${"b".repeat(40)}"  # v3.4.0\n`;
    expect(pinsAsTags(text)).toBe(
      `    steps:\n      - uses: actions/checkout@v4 # v4.2.2\n      - uses: "docker/login-action@v3"  # v3.4.0\n`,
    );
  });

  it("leaves a SHA without a version comment as it is", () => {
    const text = `      - uses: actions/checkout@${SHA}\n`;
    expect(pinsAsTags(text)).toBe(text);
  });
});
