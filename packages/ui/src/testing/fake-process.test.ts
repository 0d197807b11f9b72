import { describe, expect, it, vi } from "vitest";
import { ExecFailure } from "./exec-result.ts";
import { createFakeDesktopClient } from "./fake-desktop-client.ts";
import { createFakeProcess } from "./fake-process.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("FakeProcess", () => {
  it("streams each write as it happens, line by line with splitOutputLines, then the exit code", async () => {
    const process = createFakeProcess();
    const client = createFakeDesktopClient({ extension: { host: { cli: { exec: () => process } } } });
    const seen: string[] = [];
    client.extension.host.cli.exec("tail", ["-f"], {
      stream: {
        onOutput: (data) => seen.push(data.stdout === undefined ? `err:${data.stderr}` : `out:${data.stdout}`),
        onClose: (code) => seen.push(`exit:${code}`),
        splitOutputLines: true,
      },
    });
    process.stdout("written before attach\n");
    await tick();
    expect(process.attached).toBe(true);
    expect(seen).toEqual(["out:written before attach"]);

    process.stdout("a\nb\n").stderr("oops\n");
    expect(seen).toEqual(["out:written before attach", "out:a", "out:b", "err:oops"]);
    process.exit(3);
    expect(seen.at(-1)).toBe("exit:3");
  });

  it("hands raw chunks over as written without splitOutputLines", async () => {
    const process = createFakeProcess();
    const client = createFakeDesktopClient({ docker: { cli: { exec: () => process } } });
    const onOutput = vi.fn();
    client.docker.cli.exec("logs", ["-f", "x"], { stream: { onOutput } });
    await tick();
    process.stdout("par").stdout("tial\nnext");
    expect(onOutput.mock.calls).toEqual([[{ stdout: "par" }], [{ stdout: "tial\nnext" }]]);
  });

  it("delivers nothing after close() and says it was closed", async () => {
    const process = createFakeProcess();
    const client = createFakeDesktopClient({ extension: { vm: { cli: { exec: () => process } } } });
    const onOutput = vi.fn();
    const onClose = vi.fn();
    const running = client.extension.vm.cli.exec("top", [], { stream: { onOutput, onClose } });
    await tick();
    running.close();
    process.stdout("late\n").exit(0);

    expect(process.closed).toBe(true);
    expect(onOutput).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(client.calls.at(-1)).toEqual({ api: "extension.vm.cli.exec.close", args: ["top", []] });
  });

  it("gives a buffered caller the whole output on exit, rejecting a non-zero exit as Desktop does", async () => {
    const ok = createFakeProcess();
    const failing = createFakeProcess();
    const processes = [ok, failing];
    const client = createFakeDesktopClient({ extension: { vm: { cli: { exec: () => processes.shift() ?? ok } } } });

    const first = client.extension.vm.cli.exec("echo", ["hi"]);
    ok.stdout("hi\n").exit(0);
    expect((await first).stdout).toBe("hi\n");

    const second = client.extension.vm.cli.exec("false", []);
    failing.stderr("no\n").exit(2);
    await expect(second).rejects.toBeInstanceOf(ExecFailure);
    await expect(second).rejects.toMatchObject({ code: 2, stderr: "no\n" });
  });
});
