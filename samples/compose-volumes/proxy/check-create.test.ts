import { describe, expect, it } from "vitest";
import { helperSpec } from "../backend/engine/helper-container.ts";
import { checkCreateBody, createBodyProblem } from "./check-create.ts";

const image = "dext/compose-volumes:1.0.0";
const helper = helperSpec({ image, volume: "pgdata", args: ["list", "app/logs"] });

/** The helper's spec with one part replaced, as a compromised or buggy backend might send it. */
function tampered(change: (spec: Record<string, unknown> & { HostConfig: Record<string, unknown> }) => void): unknown {
  const copy = structuredClone(helper) as Record<string, unknown> & { HostConfig: Record<string, unknown> };
  change(copy);
  return copy;
}

describe("the engine proxy's check of POST /containers/create", () => {
  it("accepts the helper exactly as the backend builds it", () => {
    expect(createBodyProblem(helper, image)).toBeUndefined();
  });

  it("creates nothing when it does not know the extension's image", () => {
    expect(createBodyProblem(helper, undefined)).toBe("the proxy has no EXTENSION_IMAGE, so it creates no container");
  });

  it("refuses another image", () => {
    expect(createBodyProblem({ ...helper, Image: "alpine:3" }, image)).toBe(`helpers run ${image}, not alpine:3`);
  });

  it.each([
    ["a privileged container", (spec: { HostConfig: Record<string, unknown> }) => (spec.HostConfig.Privileged = true)],
    ["a host bind mount", (spec: { HostConfig: Record<string, unknown> }) => (spec.HostConfig.Binds = ["/:/host"])],
    [
      "a writable volume",
      (spec: { HostConfig: Record<string, unknown> }) =>
        (spec.HostConfig.Mounts = [
          { Type: "volume", Source: "pgdata", Target: "/volume", ReadOnly: false, VolumeOptions: { NoCopy: true } },
        ]),
    ],
    [
      "a bind through Mounts",
      (spec: { HostConfig: Record<string, unknown> }) =>
        (spec.HostConfig.Mounts = [
          { Type: "bind", Source: "/", Target: "/volume", ReadOnly: true, VolumeOptions: { NoCopy: true } },
        ]),
    ],
    ["the host's network", (spec: { HostConfig: Record<string, unknown> }) => (spec.HostConfig.NetworkMode = "host")],
    ["another capability", (spec: { HostConfig: Record<string, unknown> }) => (spec.HostConfig.CapAdd = ["SYS_ADMIN"])],
    ["the host's pid namespace", (spec: { HostConfig: Record<string, unknown> }) => (spec.HostConfig.PidMode = "host")],
    ["another command", (spec: Record<string, unknown>) => (spec.Entrypoint = ["sh", "-c"])],
    ["a missing helper label", (spec: Record<string, unknown>) => (spec.Labels = {})],
  ])("refuses %s", (_label, change) => {
    expect(createBodyProblem(tampered(change), image)).toMatch(/^not a helper container: /);
  });
});

describe("checkCreateBody", () => {
  it("answers the checked value, equal to the helper's spec, to forward in place of the received bytes", () => {
    const checked = checkCreateBody(JSON.parse(JSON.stringify(helper)), image);
    expect(checked).toEqual({ ok: true, body: helper });
  });

  it("refuses a key Go's decoder would match case-insensitively to HostConfig", () => {
    const checked = checkCreateBody({ ...helper, hostconfig: { Privileged: true } }, image);
    expect(checked).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^not a helper container: .*hostconfig/) as unknown,
    });
  });
});
