import { afterEach, describe, expect, it, vi } from "vitest";
import { engineVersion, runDocker, runProgram } from "./run-program.ts";

const node = process.execPath;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("runProgram", () => {
  it("passes arguments as they are, with no shell, and resolves the output", async () => {
    const script = "process.stdout.write(JSON.stringify(process.argv.slice(1))); process.stderr.write('note')";
    const result = await runProgram(node, ["-e", script, "$(id)", "a b", "*"]);
    expect(JSON.parse(result.stdout)).toEqual(["$(id)", "a b", "*"]);
    expect(result.stderr).toBe("note");
  });

  it("runs in the folder and with the variables it is given, on top of this process's", async () => {
    const result = await runProgram(
      node,
      ["-e", "console.log(process.cwd(), process.env.DEXT_X, !!process.env.PATH)"],
      {
        cwd: "/tmp",
        env: { DEXT_X: "1" },
      },
    );
    expect(result.stdout.trim()).toBe("/tmp 1 true");
  });

  it("rejects a failed run with the command, its exit code and the end of its output", async () => {
    const script = "for (let i = 1; i <= 100; i++) console.error('line ' + i); process.exit(3)";
    const failure = await runProgram(node, ["-e", script]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "ProgramError", code: "program_failed", exit: 3 });
    const message = (failure as Error).message;
    expect(message).toMatch(/-e .* failed \(exit 3\):\n/);
    expect(message).toMatch(/line 100$/);
    expect(message).not.toMatch(/line 60\n/);
    expect((failure as { stderr: string }).stderr).toMatch(/^line 1\n/);
  });

  it("rejects a program that is not there as missing", async () => {
    await expect(runProgram("dext-no-such-program", ["x"])).rejects.toMatchObject({
      name: "ProgramError",
      code: "program_missing",
      message: expect.stringContaining("dext-no-such-program is not installed or not on PATH") as string,
    });
  });

  it("ends a program that runs past its time", async () => {
    await expect(runProgram(node, ["-e", "setTimeout(() => {}, 10_000)"], { timeoutMs: 200 })).rejects.toMatchObject({
      code: "program_failed",
      exit: "SIGTERM",
    });
  });
});

describe("runDocker", () => {
  it("runs the client dockerCliPath() names, with BuildKit on", async () => {
    vi.stubEnv("DEXT_DOCKER_CLI", node);
    const result = await runDocker(["-e", "console.log(process.env.DOCKER_BUILDKIT)"]);
    expect(result.stdout.trim()).toBe("1");
  });

  it("finds no engine where the client fails", async () => {
    vi.stubEnv("DEXT_DOCKER_CLI", "dext-no-such-docker");
    expect(await engineVersion()).toBeUndefined();
  });
});
