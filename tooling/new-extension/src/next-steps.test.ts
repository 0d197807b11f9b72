import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { standaloneNextSteps } from "./next-steps.ts";

const run = promisify(execFile);

describe("standaloneNextSteps", () => {
  it("prints a cd line that a shell runs into the folder, whatever its name holds", async () => {
    const parent = await mkdtemp(join(tmpdir(), "next-steps-"));
    try {
      const target = join(parent, "team tools $(touch pwned) 'x' `id`;");
      await mkdir(target);
      const cd =
        standaloneNextSteps(target, "team-tools")
          .split("\n")
          .find((line) => line.trim().startsWith("cd "))
          ?.trim() ?? "";
      const { stdout } = await run("sh", ["-c", `${cd} && pwd -P`], { cwd: parent });
      expect(stdout.trim()).toBe(target);
      await expect(run("sh", ["-c", "ls pwned"], { cwd: parent })).rejects.toThrow();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
