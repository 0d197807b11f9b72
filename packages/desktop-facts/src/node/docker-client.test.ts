import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeCliPath, dockerCliPath, engineSocketPath } from "./docker-client.ts";

describe("dockerCliPath", () => {
  it("takes DEXT_DOCKER_CLI when it is set", () => {
    expect(dockerCliPath({ DEXT_DOCKER_CLI: "/opt/docker/bin/docker" })).toBe("/opt/docker/bin/docker");
  });

  it("else prefers Debian's client, which has BuildKit, to the docker on PATH", () => {
    const expected = existsSync("/usr/bin/docker") ? "/usr/bin/docker" : "docker";
    expect(dockerCliPath({})).toBe(expected);
    expect(dockerCliPath({ DEXT_DOCKER_CLI: "" })).toBe(expected);
  });
});

describe("composeCliPath", () => {
  it("takes DEXT_COMPOSE_CLI when it is set", () => {
    expect(composeCliPath({ DEXT_COMPOSE_CLI: "/tmp/wrapper/docker-compose" })).toBe("/tmp/wrapper/docker-compose");
  });

  it("else Debian's docker-compose, then /usr/local/bin's, when present, else docker-compose on PATH", () => {
    const expected = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"].find((path) => existsSync(path));
    expect(composeCliPath({})).toBe(expected ?? "docker-compose");
    expect(composeCliPath({ DEXT_COMPOSE_CLI: "" })).toBe(expected ?? "docker-compose");
  });
});

describe("engineSocketPath", () => {
  it.each([
    ["unset", undefined, "/var/run/docker.sock"],
    ["empty", "", "/var/run/docker.sock"],
    ["a Unix socket", "unix:///run/dext-docker.sock", "/run/dext-docker.sock"],
  ])("with DOCKER_HOST %s is %s", (_label, host, socket) => {
    expect(engineSocketPath({ DOCKER_HOST: host })).toBe(socket);
  });

  it.each(["tcp://127.0.0.1:2375", "ssh://me@engine", "npipe:////./pipe/docker_engine"])(
    "refuses DOCKER_HOST=%s, which is no socket on this machine",
    (host) => {
      expect(() => engineSocketPath({ DOCKER_HOST: host })).toThrow(
        expect.objectContaining({ name: "EngineSocketError", code: "engine_not_on_unix_socket" }) as Error,
      );
      expect(() => engineSocketPath({ DOCKER_HOST: host })).toThrow(host);
    },
  );
});
