import { describe, expect, it } from "vitest";
import { classifyEngineRequest } from "./engine-routes.ts";

describe("the engine proxy's routes", () => {
  it.each([
    ["GET", "/v1.41/volumes"],
    ["GET", "/volumes"],
    ["GET", "/v1.41/volumes/pgdata"],
    ["GET", "/v1.41/system/df"],
    ["GET", "/v1.41/containers/json?all=true&filters=%7B%7D"],
    ["GET", "/v1.41/version"],
    ["HEAD", "/_ping"],
  ])("forwards the read %s %s", (method, url) => {
    expect(classifyEngineRequest(method, url)).toEqual({ kind: "read" });
  });

  it("sends container creation to the body check", () => {
    expect(classifyEngineRequest("POST", "/v1.41/containers/create")).toEqual({ kind: "create" });
  });

  it.each([
    ["POST", "/v1.41/containers/abc/start", "start"],
    ["POST", "/v1.41/containers/abc/wait", "wait"],
    ["POST", "/v1.41/containers/abc/kill", "kill"],
    ["GET", "/v1.41/containers/abc/logs?stdout=true", "logs"],
    ["DELETE", "/v1.41/containers/abc?force=true", "remove"],
  ])("lets %s %s through only for a helper container", (method, url, action) => {
    expect(classifyEngineRequest(method, url)).toEqual({ kind: "helper", id: "abc", action });
  });

  it.each([
    ["POST", "/v1.41/containers/abc/exec"],
    ["POST", "/v1.41/exec/abc/start"],
    ["GET", "/v1.41/containers/abc/json"],
    ["POST", "/v1.41/containers/abc/attach"],
    ["DELETE", "/v1.41/volumes/pgdata"],
    ["POST", "/v1.41/volumes/create"],
    ["POST", "/v1.41/volumes/prune"],
    ["POST", "/v1.41/images/create"],
    ["POST", "/v1.41/build"],
    ["GET", "/v1.41/containers/abc/archive"],
    ["POST", "/v1.41/containers/abc/update"],
  ])("refuses %s %s, which the extension never makes", (method, url) => {
    expect(classifyEngineRequest(method, url).kind).toBe("refused");
  });

  it.each([
    ["a .. segment", "/v1.41/volumes/../containers/abc/exec"],
    ["an encoded slash", "/v1.41/volumes/a%2F..%2Fb"],
    ["a dot-name", "/v1.41/volumes/.hidden"],
    ["an empty segment", "/v1.41//volumes"],
  ])("refuses a path with %s", (_label, url) => {
    expect(classifyEngineRequest("GET", url)).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/^malformed path/) as unknown,
    });
  });
});
