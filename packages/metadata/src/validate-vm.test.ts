import { describe, expect, it } from "vitest";
import { expectOnlyFinding } from "./testing/finding.ts";
import { validateMetadata } from "./validate-metadata.ts";

const IMAGE = "${DESKTOP_PLUGIN_IMAGE}";
const validVm = { image: IMAGE, exposes: { socket: "backend.sock" } };

function withVm(vm: unknown): unknown {
  return { ui: { "dashboard-tab": { title: "T", root: "/ui", src: "index.html" } }, vm };
}

describe("vm", () => {
  it("accepts the extension image with a socket, and a compose file without one", () => {
    expect(validateMetadata(withVm(validVm)).findings).toEqual([]);
    expect(validateMetadata(withVm({ composefile: "docker-compose.yaml" })).findings).toEqual([]);
  });

  it("rejects a vm that declares both image and composefile", () => {
    expectOnlyFinding(withVm({ ...validVm, composefile: "docker-compose.yaml" }), {
      severity: "error",
      path: "$.vm",
      message: "both image and composefile",
      fix: /^Keep image/,
    });
  });

  it("rejects a vm with neither image nor composefile", () => {
    expectOnlyFinding(withVm({ exposes: { socket: "backend.sock" } }), {
      severity: "error",
      path: "$.vm",
      message: "needs an image or a composefile",
    });
  });

  it("rejects a vm that is not an object", () => {
    expectOnlyFinding(withVm("my-image"), { severity: "error", path: "$.vm", message: "found a string" });
  });

  it.each([
    ["an empty image", { image: "" }, "$.vm.image"],
    ["a numeric image", { image: 3 }, "$.vm.image"],
    ["a blank composefile", { composefile: "  " }, "$.vm.composefile"],
  ])("rejects %s", (_label, vm, path) => {
    expectOnlyFinding(withVm(vm), { severity: "error", path, message: "must be a non-empty string" });
  });

  it("warns, but stays valid, when vm.image hard-codes an image instead of ${DESKTOP_PLUGIN_IMAGE}", () => {
    expect(validateMetadata(withVm({ image: "nginx:1.27" })).valid).toBe(true);
    expectOnlyFinding(withVm({ image: "nginx:1.27" }), {
      severity: "warning",
      path: "$.vm.image",
      message: 'hard-codes "nginx:1.27"',
    });
  });

  it("warns that a misspelt $DESKTOP_PLUGIN_IMAGE is not substituted", () => {
    expectOnlyFinding(withVm({ image: "$DESKTOP_PLUGIN_IMAGE" }), {
      severity: "warning",
      message: "not exactly ${DESKTOP_PLUGIN_IMAGE}",
    });
  });

  it("warns about keys Desktop ignores inside vm, pointing a stray socket to exposes", () => {
    expectOnlyFinding(withVm({ image: IMAGE, socket: "backend.sock" }), {
      severity: "warning",
      path: "$.vm.socket",
      fix: "exposes",
    });
  });
});

describe("vm.exposes.socket", () => {
  const withSocket = (socket: unknown): unknown => withVm({ image: IMAGE, exposes: { socket } });

  it("rejects exposes without a socket", () => {
    expectOnlyFinding(withVm({ image: IMAGE, exposes: {} }), {
      severity: "error",
      path: "$.vm.exposes.socket",
      message: "found nothing",
    });
  });

  it("rejects a socket given as a path, suggesting its file name", () => {
    expectOnlyFinding(withSocket("/run/guest-services/backend.sock"), {
      severity: "error",
      path: "$.vm.exposes.socket",
      message: "is a path",
      fix: 'Use "backend.sock"',
    });
  });

  it("warns when the socket name does not end in .sock", () => {
    expectOnlyFinding(withSocket("backend"), { severity: "warning", fix: '"backend.sock"' });
  });

  it("accepts the longest name that keeps /run/guest-services/<name> within macOS's 103 bytes", () => {
    const name = `${"a".repeat(83 - ".sock".length)}.sock`;
    expect(`/run/guest-services/${name}`).toHaveLength(103);
    expect(validateMetadata(withSocket(name)).findings).toEqual([]);
  });

  it("rejects a socket name one byte longer, because macOS cannot bind the path", () => {
    const name = `${"a".repeat(84 - ".sock".length)}.sock`;
    expectOnlyFinding(withSocket(name), {
      severity: "error",
      path: "$.vm.exposes.socket",
      message: /is 104 bytes.*macOS/,
      fix: "at most 83 bytes",
    });
  });

  it("counts bytes, not characters, in the socket length", () => {
    // 42 two-byte characters: 42 characters but 84 bytes before ".sock".
    expectOnlyFinding(withSocket(`${"é".repeat(42)}.sock`), { severity: "error", message: "is 109 bytes" });
  });
});
