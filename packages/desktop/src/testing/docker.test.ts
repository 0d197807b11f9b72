import { describe, expect, it } from "vitest";
import { describeDockerHost, uniqueName } from "./docker.ts";

describe("the docker helpers for image tests", () => {
  it("names the engine the client looks for, or says it takes its default", () => {
    expect(describeDockerHost({ DOCKER_HOST: "unix:///run/dext-docker.sock" })).toBe("unix:///run/dext-docker.sock");
    expect(describeDockerHost({})).toBe("(unset: the client's default)");
    expect(describeDockerHost({ DOCKER_HOST: "" })).toBe("(unset: the client's default)");
  });

  it("gives a new name each call, lowercase as Docker's names must be, after the prefix", () => {
    const names = new Set(Array.from({ length: 50 }, () => uniqueName("dext-t-")));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^dext-t-[a-z0-9]+$/);
  });
});
