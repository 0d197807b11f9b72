import { BackendClientError } from "@dext/backend/client";
import type { BackendErrorKind } from "@dext/backend/client";
import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error.ts";
import { ExecUnavailableError, OutsideDesktopError } from "./errors.ts";
import { hostRuntimeGlobal } from "./host-runtime.ts";

function backendError(kind: BackendErrorKind, status?: number): BackendClientError {
  return new BackendClientError({
    kind,
    message: `failed: ${kind}`,
    status,
    body: {
      error: {
        code: "internal",
        message: `failed: ${kind}`,
        requestId: "req-1",
        issues: [{ path: "query.name", message: "Too long" }],
      },
    },
  });
}

describe("describeError", () => {
  it("tells an unreachable backend from a backend that says what it cannot reach", () => {
    const down = new BackendClientError({ kind: "unavailable", message: "Backend unavailable: connect ECONNREFUSED" });
    expect(describeError(down)).toMatchObject({
      title: "The extension's backend is not answering",
      actions: ["retry", "reload"],
    });
    expect(describeError(backendError("unavailable", 503))).toMatchObject({
      title: "The backend cannot reach what it needs",
      message: "failed: unavailable",
      actions: ["retry"],
    });
  });

  it("tells the user to restart the host the page runs in, not Docker Desktop when it runs elsewhere", () => {
    const down = new BackendClientError({ kind: "unavailable", message: "Backend unavailable: socket hang up" });
    expect(describeError(down).message).toMatch(/reload the extension or restart Docker Desktop\.$/);
    const local = {
      name: "the dext local host",
      restartAdvice: "restart the dext local host (Ctrl+C, then pnpm start)",
    };
    expect(describeError(down, local).message).toMatch(
      /reload the extension or restart the dext local host \(Ctrl\+C, then pnpm start\)\.$/,
    );
    expect(describeError(down, local).message).not.toContain("Docker Desktop");
  });

  it("reads the host from the global the host sets, and ignores one that is not well formed", () => {
    const down = new BackendClientError({ kind: "unavailable", message: "Backend unavailable: socket hang up" });
    const global = globalThis as Record<string, unknown>;
    try {
      global[hostRuntimeGlobal] = { name: "the dext local host", restartAdvice: "restart the dext local host" };
      expect(describeError(down).message).toContain("restart the dext local host.");
      global[hostRuntimeGlobal] = { name: "x", restartAdvice: 42 };
      expect(describeError(down).message).toContain("restart Docker Desktop.");
      global[hostRuntimeGlobal] = "not an object";
      expect(describeError(down).message).toContain("restart Docker Desktop.");
    } finally {
      Reflect.deleteProperty(global, hostRuntimeGlobal);
    }
  });

  it.each([
    ["unavailable", ["retry"], "error"],
    ["invalid_input", [], "warning"],
    ["not_found", ["retry"], "warning"],
    ["rejected", ["retry"], "warning"],
    ["server_fault", ["retry"], "error"],
    ["invalid_response", ["reload"], "error"],
    ["cancelled", ["retry"], "info"],
  ] as const)("offers the right actions for a %s backend error", (kind, actions, severity) => {
    const description = describeError(backendError(kind, 500));
    expect(description.actions).toEqual(actions);
    expect(description.severity).toBe(severity);
    expect(description.details).toContainEqual(["Kind", kind]);
    expect(description.details).toContainEqual(["Request id (in the backend's logs)", "req-1"]);
    expect(description.details).toContainEqual(["Field query.name", "Too long"]);
  });

  it("names the fields of a refused input in its message, and the request id of a backend failure", () => {
    expect(describeError(backendError("invalid_input", 400)).message).toBe("query.name: Too long");
    expect(describeError(backendError("server_fault", 500)).message).toBe(
      "failed: server_fault. Its logs name request req-1.",
    );
  });

  it("explains the kit's own errors without offering a retry that cannot help", () => {
    expect(describeError(new OutsideDesktopError())).toMatchObject({
      title: "Not running in Docker Desktop",
      actions: [],
    });
    expect(describeError(new ExecUnavailableError("no host cli"))).toMatchObject({
      message: "no host cli",
      actions: [],
    });
  });

  it("reads any other error, or a thrown non-error, as something that went wrong", () => {
    expect(describeError(new Error("boom", { cause: new Error("root") }))).toEqual({
      severity: "error",
      title: "Something went wrong",
      message: "boom",
      actions: ["retry", "reload"],
      details: [
        ["Error", "Error: boom"],
        ["Cause", "root"],
      ],
    });
    expect(describeError("plain text").message).toBe("plain text");
  });
});
