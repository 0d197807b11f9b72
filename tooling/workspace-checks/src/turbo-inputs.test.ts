import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findEmptyRootInputs } from "./turbo-inputs.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
let dir = "";
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("turbo.json's inputs", () => {
  it("name files that exist in this repository", () => {
    expect(findEmptyRootInputs(repoRoot)).toEqual([]);
  });

  it("are reported when a root path matches nothing, and not for a package-relative kind of file", async () => {
    dir = await mkdtemp(join(tmpdir(), "dext-turbo-inputs-"));
    await mkdir(join(dir, "tooling", "vitest-config"), { recursive: true });
    await writeFile(join(dir, "tooling", "vitest-config", "index.js"), "");
    const inputs = [
      "$TURBO_DEFAULT$",
      "$TURBO_ROOT$/tooling/vitest-config/*.js",
      "$TURBO_ROOT$/tooling/vitest-config/*.ts",
    ];
    await writeFile(
      join(dir, "turbo.json"),
      JSON.stringify({ tasks: { test: { inputs }, validate: { inputs: ["compose.yaml"] } } }),
    );
    expect(findEmptyRootInputs(dir)).toEqual([{ task: "test", input: "$TURBO_ROOT$/tooling/vitest-config/*.ts" }]);
  });
});
