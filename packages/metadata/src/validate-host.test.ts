import { describe, expect, it } from "vitest";
import { expectOnlyFinding } from "./testing/finding.ts";
import { validateMetadata } from "./validate-metadata.ts";

const validEntry = {
  darwin: [{ path: "/darwin/tool" }],
  windows: [{ path: "/windows/tool.exe" }, { path: "/windows/helper.ps1" }],
  linux: [{ path: "/linux/tool" }],
};

function withBinaries(binaries: unknown): unknown {
  return { host: { binaries } };
}

describe("host.binaries", () => {
  it("accepts absolute paths per platform, with runnable Windows extensions", () => {
    expect(validateMetadata(withBinaries([validEntry])).findings).toEqual([]);
  });

  it("rejects host without a binaries array", () => {
    expectOnlyFinding({ host: {} }, { severity: "error", path: "$.host.binaries", message: "found nothing" });
    expectOnlyFinding(withBinaries({ darwin: [] }), {
      severity: "error",
      path: "$.host.binaries",
      message: "found an object",
    });
  });

  it("rejects entries that are not objects", () => {
    expectOnlyFinding(withBinaries(["/darwin/tool"]), { severity: "error", path: "$.host.binaries[0]" });
  });

  it("refuses (--marketplace) platform keys other than darwin, windows and linux, suggesting Desktop's name for Node's win32", () => {
    expectOnlyFinding(withBinaries([{ ...validEntry, win32: [{ path: "/windows/tool.exe" }] }]), {
      severity: "error",
      scope: "marketplace",
      path: "$.host.binaries[0].win32",
      fix: 'Rename it to "windows".',
    });
  });

  it("rejects a platform value that is not an array", () => {
    expectOnlyFinding(withBinaries([{ darwin: { path: "/darwin/tool" } }]), {
      severity: "error",
      path: "$.host.binaries[0].darwin",
    });
  });

  // Desktop copies binaries out of the image as it copies the UI root, reading paths from "/" (inferred).
  it("warns about a relative binary path, reading it from the image root, located by index", () => {
    const entry = { ...validEntry, darwin: [{ path: "/darwin/tool" }, { path: "darwin/other" }] };
    expectOnlyFinding(withBinaries([entry]), {
      severity: "warning",
      path: "$.host.binaries[0].darwin[1].path",
      message: "as /darwin/other",
      fix: 'Write "/darwin/other"',
    });
  });

  it("rejects a binary without a path", () => {
    expectOnlyFinding(withBinaries([{ linux: [{}] }]), { severity: "error", path: "$.host.binaries[0].linux[0].path" });
  });

  it("rejects a Windows binary Desktop cannot run (no .exe, .cmd, .bat or .ps1)", () => {
    expectOnlyFinding(withBinaries([{ windows: [{ path: "/windows/tool" }] }]), {
      severity: "error",
      path: "$.host.binaries[0].windows[0].path",
      message: "Windows cannot run it",
    });
  });

  it("accepts Windows extensions in any letter case", () => {
    const windows = [{ path: "/windows/TOOL.EXE" }, { path: "/windows/run.Cmd" }, { path: "/w/x.bat" }];
    expect(validateMetadata(withBinaries([{ windows }])).findings).toEqual([]);
  });

  it("warns when two binaries of one platform share a file name, across entries too", () => {
    expectOnlyFinding(withBinaries([validEntry, { darwin: [{ path: "/darwin/arm64/tool" }] }]), {
      severity: "warning",
      path: "$.host.binaries[1].darwin[0].path",
      message: "first at $.host.binaries[0].darwin[0].path",
    });
  });

  it("warns about an entry that lists no platform", () => {
    expectOnlyFinding(withBinaries([{}]), { severity: "warning", path: "$.host.binaries[0]" });
  });
});
