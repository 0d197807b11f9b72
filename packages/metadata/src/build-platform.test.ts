import { describe, expect, it } from "vitest";
import { machinePlatform, platformArgs } from "./build-platform.ts";

describe("the build platform", () => {
  it("is Linux on this machine's CPU, in Docker's names", () => {
    expect(machinePlatform("x64")).toBe("linux/amd64");
    expect(machinePlatform("arm64")).toBe("linux/arm64");
    expect(machinePlatform("arm")).toBe("linux/arm/v7");
  });

  it("gives BuildKit's platform ARGs for a target built on a build machine", () => {
    expect(Object.fromEntries(platformArgs("linux/arm/v7", "linux/amd64"))).toEqual({
      TARGETPLATFORM: "linux/arm/v7",
      TARGETOS: "linux",
      TARGETARCH: "arm",
      TARGETVARIANT: "v7",
      BUILDPLATFORM: "linux/amd64",
      BUILDOS: "linux",
      BUILDARCH: "amd64",
      BUILDVARIANT: "",
    });
  });
});
