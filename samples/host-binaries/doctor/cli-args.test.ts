import { describe, expect, it } from "vitest";
import { parseDoctorArgs, UsageError } from "./cli-args.ts";

describe("parseDoctorArgs", () => {
  it("runs the check by default, plain text", () => {
    expect(parseDoctorArgs([])).toEqual({ command: "check", json: false, require: [] });
    expect(parseDoctorArgs(["check", "--json"])).toEqual({ command: "check", json: true, require: [] });
  });

  it("collects required tools from --require and --require=", () => {
    expect(parseDoctorArgs(["--require", "docker, git", "--require=kubectl"])).toEqual({
      command: "check",
      json: false,
      require: ["docker", "git", "kubectl"],
    });
  });

  it("keeps every argument after `args` as it is, options and the -- separator included", () => {
    expect(parseDoctorArgs(["args", "--", "--json", "a b", ""])).toEqual({
      command: "args",
      values: ["--json", "a b", ""],
    });
    expect(parseDoctorArgs(["args", "it's"])).toEqual({ command: "args", values: ["it's"] });
  });

  it("answers --help and --version", () => {
    expect(parseDoctorArgs(["--help"])).toEqual({ command: "help" });
    expect(parseDoctorArgs(["--version"])).toEqual({ command: "version" });
  });

  it("rejects unknown options, unknown tools and a --require without a value, with a message that says what to do", () => {
    expect(() => parseDoctorArgs(["--bogus"])).toThrow(/unknown option "--bogus"; run host-doctor --help/);
    expect(() => parseDoctorArgs(["frobnicate"])).toThrow(/unknown command "frobnicate"/);
    expect(() => parseDoctorArgs(["--require", "podman"])).toThrow(
      /unknown tool podman; known tools: docker, kubectl, git, node/,
    );
    expect(() => parseDoctorArgs(["--require"])).toThrow(UsageError);
    expect(() => parseDoctorArgs(["--require="])).toThrow(/comma-separated list/);
  });
});
