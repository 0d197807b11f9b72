import type { v1 } from "@docker/extension-api-client-types";
import { describe, expectTypeOf, it } from "vitest";
import { execResult } from "./exec-result.ts";
import { createFakeDesktopClient } from "./fake-desktop-client.ts";
import type { FakeDesktopClient } from "./fake-desktop-client.ts";

describe("FakeDesktopClient", () => {
  it("is a full v1.DockerDesktopClient, so drift in Docker's interface fails typecheck", () => {
    expectTypeOf(createFakeDesktopClient()).toExtend<v1.DockerDesktopClient>();
    const client: v1.DockerDesktopClient = createFakeDesktopClient();
    expectTypeOf(client).not.toBeAny();
  });

  it("keeps both exec overloads: buffered returns a promise, streamed returns a process", () => {
    const { exec } = createFakeDesktopClient().extension.vm.cli;
    expectTypeOf(exec("ls", [])).toEqualTypeOf<Promise<v1.ExecResult>>();
    expectTypeOf(exec("ls", [], { stream: {} })).toEqualTypeOf<v1.ExecProcess>();
  });

  it("always has a VM service and host CLI, so tests need no non-null assertions", () => {
    expectTypeOf<FakeDesktopClient["extension"]["vm"]["service"]>().toEqualTypeOf<v1.HttpService>();
    expectTypeOf<FakeDesktopClient["extension"]["host"]["cli"]>().toEqualTypeOf<v1.ExtensionCli>();
  });

  it("accepts plain handlers, sync or async, as exec overrides", () => {
    expectTypeOf(createFakeDesktopClient).toBeCallableWith({
      extension: { vm: { cli: { exec: (cmd: string) => Promise.resolve(execResult(cmd)) } } },
      docker: { cli: { exec: () => execResult("") } },
    });
  });
});
