import type { v1 } from "@docker/extension-api-client-types";
import { describe, expect, it, vi } from "vitest";
import { createFakeDesktopClient, installFakeDesktopClient } from "./fake-desktop-client.ts";
import { ExecFailure, execFailure, execResult } from "./exec-result.ts";

// Collects what a streamed exec reports, and resolves once it closes or errors. Callers pass
// `{ stream }` as a fresh literal: a value typed SpawnOptions also matches Docker's buffered
// overload (SpawnOptions extends ExecOptions) and would be typed as a promise.
function collectStream(): {
  stream: v1.ExecStreamOptions;
  done: Promise<{ output: string[]; exit: number | "error" }>;
} {
  const output: string[] = [];
  let finish = (_exit: number | "error"): void => undefined;
  const done = new Promise<{ output: string[]; exit: number | "error" }>((resolve) => {
    finish = (exit) => {
      resolve({ output, exit });
    };
  });
  const stream: v1.ExecStreamOptions = {
    onOutput: (data) => output.push(data.stdout === undefined ? `err:${data.stderr}` : `out:${data.stdout}`),
    onClose: (exitCode) => finish(exitCode),
    onError: () => finish("error"),
    splitOutputLines: true,
  };
  return { stream, done };
}

describe("createFakeDesktopClient defaults", () => {
  it("resolves every exec with an empty ExecResult that has no code, like Desktop on success", async () => {
    const client = createFakeDesktopClient();

    for (const exec of [client.extension.vm.cli.exec, client.extension.host.cli.exec, client.docker.cli.exec]) {
      const result = await exec("ls", ["-l"]);
      expect(result).toMatchObject({ stdout: "", stderr: "" });
      expect(result.code).toBeUndefined();
      expect(result.lines()).toEqual([]);
    }
  });

  it("resolves vm.service calls with {} and the Docker lists with []", async () => {
    const { extension, docker } = createFakeDesktopClient();

    expect(await extension.vm.service.get("/items")).toEqual({});
    expect(await extension.vm.service.post("/items", { name: "a" })).toEqual({});
    expect(await extension.vm.service.request({ url: "/x", method: "PUT", headers: {}, data: null })).toEqual({});
    expect(await docker.listContainers({ all: true })).toEqual([]);
    expect(await docker.listImages()).toEqual([]);
  });

  it("describes a Linux host and cancels the open dialog", async () => {
    const { host, desktopUI } = createFakeDesktopClient();

    expect({ platform: host.platform, arch: host.arch, hostname: host.hostname }).toEqual({
      platform: "linux",
      arch: "x64",
      hostname: "dext-fake-host",
    });
    expect(await desktopUI.dialog.showOpenDialog({ properties: ["openFile"] })).toEqual({
      canceled: true,
      filePaths: [],
    });
  });
});

describe("createFakeDesktopClient runs Desktop's words", () => {
  it("hands a handler the words Desktop makes of the command line, while the log keeps what was passed", async () => {
    const seen: [string, string[]][] = [];
    const client = createFakeDesktopClient({
      docker: { cli: { exec: (cmd, args) => (seen.push([cmd, args]), execResult("")) } },
    });
    await client.docker.cli.exec("network ls", ["--format", '"{{json .}}"', "--filter label=a=b", "'two words'"]);
    expect(seen).toEqual([["network", ["ls", "--format", "{{json .}}", "--filter", "label=a=b", "two words"]]]);
    expect(client.calls).toEqual([
      {
        api: "docker.cli.exec",
        args: ["network ls", ["--format", '"{{json .}}"', "--filter label=a=b", "'two words'"]],
      },
    ]);
  });

  it("fails a line that does not parse with code 2 and the reason on stderr, buffered and streamed", async () => {
    const client = createFakeDesktopClient();
    await expect(client.extension.vm.cli.exec("echo", ['"open'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unterminated") as unknown,
    });
    const closed = await new Promise<number>((resolve) => {
      client.extension.vm.cli.exec("echo", ['"open'], { stream: { onClose: resolve } });
    });
    expect(closed).toBe(2);
  });
});

describe("createFakeDesktopClient records calls", () => {
  it("in order, named by their path on ddClient, with the arguments as passed", async () => {
    const client = createFakeDesktopClient();

    await client.extension.vm.cli.exec("df", ["-h"]);
    await client.extension.vm.service.post("/volumes", { name: "data" });
    client.desktopUI.toast.success("Saved");
    client.host.openExternal("https://docs.docker.com");
    await client.desktopUI.navigate.viewContainerLogs("abc123");

    expect(client.calls).toEqual([
      { api: "extension.vm.cli.exec", args: ["df", ["-h"]] },
      { api: "extension.vm.service.post", args: ["/volumes", { name: "data" }] },
      { api: "desktopUI.toast.success", args: ["Saved"] },
      { api: "host.openExternal", args: ["https://docs.docker.com"] },
      { api: "desktopUI.navigate.viewContainerLogs", args: ["abc123"] },
    ]);
  });

  it("also when a leaf is overridden", async () => {
    const client = createFakeDesktopClient({ extension: { vm: { service: { get: () => Promise.resolve([1]) } } } });

    await client.extension.vm.service.get("/numbers");

    expect(client.calls).toEqual([{ api: "extension.vm.service.get", args: ["/numbers"] }]);
  });
});

describe("createFakeDesktopClient overrides", () => {
  it("replace a single leaf and keep every other default", async () => {
    const exec = vi.fn((cmd: string, args: string[]) => execResult(`${cmd} ${args.join(" ")}\n`));
    const client = createFakeDesktopClient({
      extension: { image: "acme/volumes:1.2.0", vm: { cli: { exec } } },
      host: { platform: "win32" },
    });

    const result = await client.extension.vm.cli.exec("echo", ["hi"]);

    expect(result.lines()).toEqual(["echo hi"]);
    expect(exec).toHaveBeenCalledWith("echo", ["hi"], undefined);
    expect(client.extension.image).toBe("acme/volumes:1.2.0");
    expect(client.host.platform).toBe("win32");
    expect(client.host.arch).toBe("x64");
    expect(await client.docker.cli.exec("docker", ["ps"])).toMatchObject({ stdout: "" });
  });

  it("let a handler fail an exec the way Desktop does: rejecting with stdout, stderr and code", async () => {
    const client = createFakeDesktopClient({
      docker: { cli: { exec: () => Promise.reject(execFailure("", "no such volume\n", 1)) } },
    });

    const failure = client.docker.cli.exec("volume", ["inspect", "x"]);

    await expect(failure).rejects.toBeInstanceOf(ExecFailure);
    await expect(failure).rejects.toMatchObject({ stdout: "", stderr: "no such volume\n", code: 1 });
  });

  it("reject also when the handler returns execFailure instead of throwing it", async () => {
    const client = createFakeDesktopClient({
      extension: { host: { cli: { exec: () => execFailure("partial", "", 2) } } },
    });

    await expect(client.extension.host.cli.exec("tool", [])).rejects.toMatchObject({ stdout: "partial", code: 2 });
  });
});

describe("execResult", () => {
  it("parses JSON lines and JSON objects from stdout", () => {
    expect(execResult('{"a":1}\n{"a":2}\n').parseJsonLines()).toEqual([{ a: 1 }, { a: 2 }]);
    expect(execResult('{"ok":true}').parseJsonObject()).toEqual({ ok: true });
    expect(execResult("", "boom", 2)).toMatchObject({ stderr: "boom", code: 2 });
  });
});

describe("streamed exec", () => {
  it("plays the handler's output back line by line, then closes with its exit code", async () => {
    const client = createFakeDesktopClient({
      extension: { vm: { cli: { exec: () => execResult("one\ntwo\n", "warn\n", 0) } } },
    });
    const { stream, done } = collectStream();

    const process = client.extension.vm.cli.exec("tail", ["-f", "log"], { stream });

    expect(typeof process.close).toBe("function");
    expect(await done).toEqual({ output: ["out:one", "out:two", "err:warn"], exit: 0 });
  });

  it("closes with the failure's code when the handler throws execFailure, and reports other errors", async () => {
    const failing = createFakeDesktopClient({ docker: { cli: { exec: () => execFailure("", "denied", 126) } } });
    const failed = collectStream();
    failing.docker.cli.exec("run", ["x"], { stream: failed.stream });
    expect(await failed.done).toEqual({ output: ["err:denied"], exit: 126 });

    const broken = createFakeDesktopClient({
      docker: {
        cli: {
          exec: () => {
            throw new Error("handler bug");
          },
        },
      },
    });
    const errored = collectStream();
    broken.docker.cli.exec("run", ["x"], { stream: errored.stream });
    expect(await errored.done).toEqual({ output: [], exit: "error" });
  });

  it("stops output after close() and records the close", async () => {
    const client = createFakeDesktopClient();
    const onOutput = vi.fn();
    const onClose = vi.fn();

    client.extension.vm.cli.exec("top", [], { stream: { onOutput, onClose } }).close();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(onOutput).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(client.calls.map((call) => call.api)).toEqual(["extension.vm.cli.exec", "extension.vm.cli.exec.close"]);
  });
});

describe("installFakeDesktopClient", () => {
  it("sets window.ddClient and restores what was there before", () => {
    const win = {} as Window;
    const client = createFakeDesktopClient();

    const uninstall = installFakeDesktopClient(win, client);
    expect(Reflect.get(win, "ddClient")).toBe(client);

    uninstall();
    expect("ddClient" in win).toBe(false);
  });
});
