import { describe, expect, it } from "vitest";
import { parseContextLines } from "./docker-contexts.ts";

describe("parseContextLines", () => {
  it("reads one context per JSON line, as `docker context ls --format '{{json .}}'` prints them", () => {
    const stdout = [
      '{"Current":true,"Description":"Current DOCKER_HOST based configuration","DockerEndpoint":"unix:///var/run/docker.sock","Name":"default"}',
      '{"Current":false,"DockerEndpoint":"npipe:////./pipe/dockerDesktopLinuxEngine","Name":"desktop-linux"}',
      "",
    ].join("\r\n");
    expect(parseContextLines(stdout)).toEqual([
      { type: "context", name: "default", current: true, endpoint: "unix:///var/run/docker.sock" },
      { type: "context", name: "desktop-linux", current: false, endpoint: "npipe:////./pipe/dockerDesktopLinuxEngine" },
    ]);
  });

  it("skips lines that are not contexts instead of failing the whole check", () => {
    expect(parseContextLines('WARNING: something\n{"Name":42}\n{"Name":"ok"}\n')).toEqual([
      { type: "context", name: "ok", current: false, endpoint: "" },
    ]);
  });
});
