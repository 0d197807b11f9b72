import { describe, expect, it } from "vitest";
import { resolveListenOptions } from "./listen-options.ts";

describe("resolveListenOptions", () => {
  it("defaults to the socket Docker Desktop expects", () => {
    expect(resolveListenOptions({ name: "hello", argv: [], env: {} })).toEqual({
      kind: "socket",
      path: "/run/guest-services/hello.sock",
    });
  });

  it("prefers --socket over DEXT_SOCKET", () => {
    expect(
      resolveListenOptions({ name: "x", argv: ["--socket", "/tmp/a.sock"], env: { DEXT_SOCKET: "/tmp/b.sock" } }),
    ).toEqual({
      kind: "socket",
      path: "/tmp/a.sock",
    });
  });

  it("offers a TCP port on loopback for local debugging", () => {
    expect(resolveListenOptions({ name: "x", argv: ["--port", "3001"], env: {} })).toEqual({
      kind: "port",
      port: 3001,
      host: "127.0.0.1",
    });
  });

  it.each([
    ["--port", "http"],
    ["--port", "70000"],
    ["--port", "1.5"],
  ])("refuses %s %s", (flag, value) => {
    expect(() => resolveListenOptions({ name: "x", argv: [flag, value], env: {} })).toThrow(/Port must be an integer/);
  });

  it("refuses --socket together with --port", () => {
    expect(() =>
      resolveListenOptions({ name: "x", argv: ["--socket", "/tmp/a.sock", "--port", "1"], env: {} }),
    ).toThrow(/not both/);
  });

  it("refuses a name that cannot be a file name", () => {
    expect(() => resolveListenOptions({ name: "../evil", argv: [], env: {} })).toThrow(/cannot name a socket file/);
  });
});
