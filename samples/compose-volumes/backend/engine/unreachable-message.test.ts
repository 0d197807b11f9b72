import { describe, expect, it } from "vitest";
import { engineUnreachableMessage } from "./unreachable-message.ts";

/** A connection failure as node:net reports it, socket path included. */
function connectError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} ${path}`), { code, address: path });
}

describe("engineUnreachableMessage", () => {
  it.each([
    ["ECONNREFUSED", "/var/run/docker.sock", "nothing is listening on its socket"],
    ["ENOENT", "/run/engine-proxy/engine.sock", "its socket does not exist"],
    ["EACCES", "/var/run/docker.sock", "permission to use its socket was denied"],
  ])("says the engine is not reachable for %s, without naming %s", (code, path, reason) => {
    const message = engineUnreachableMessage(connectError(code, path));
    expect(message).toMatch(new RegExp(`^The Docker engine is not reachable: ${reason}`));
    expect(message).not.toContain(path);
  });

  it("names an unknown error code, but never the message that carries the path", () => {
    expect(engineUnreachableMessage(connectError("EHOSTDOWN", "/secret/path.sock"))).toBe(
      "The Docker engine is not reachable: the connection failed (EHOSTDOWN)",
    );
    expect(engineUnreachableMessage(new Error("connect /secret/path.sock"))).toBe(
      "The Docker engine is not reachable: the connection failed",
    );
  });
});
