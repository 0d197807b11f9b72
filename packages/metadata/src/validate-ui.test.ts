import { describe, expect, it } from "vitest";
import { expectOnlyFinding } from "./testing/finding.ts";
import { validateMetadata } from "./validate-metadata.ts";

const validTab = { title: "My extension", root: "/ui", src: "index.html" };

function withTab(tab: Record<string, unknown>): unknown {
  return { ui: { "dashboard-tab": tab } };
}

describe("ui", () => {
  it("accepts a dashboard tab with title, absolute root and relative src", () => {
    expect(validateMetadata(withTab(validTab)).findings).toEqual([]);
    expect(validateMetadata(withTab({ ...validTab, src: "app/index.html" })).findings).toEqual([]);
  });

  it("rejects ui without a dashboard-tab", () => {
    expectOnlyFinding({ ui: {} }, { severity: "error", path: "$.ui", message: "no dashboard-tab" });
  });

  it("warns about ui keys other than dashboard-tab, which Desktop ignores", () => {
    expectOnlyFinding(
      { ui: { "dashboard-tab": validTab, "settings-page": {} } },
      { severity: "warning", path: '$.ui["settings-page"]', message: "ignores it" },
    );
  });

  it("rejects a dashboard-tab that is not an object", () => {
    expectOnlyFinding({ ui: { "dashboard-tab": "index.html" } }, { severity: "error", path: '$.ui["dashboard-tab"]' });
  });

  it.each([
    ["a missing title", { root: "/ui", src: "index.html" }, "title"],
    ["an empty title", { ...validTab, title: "" }, "title"],
    ["a missing root", { title: "T", src: "index.html" }, "root"],
    ["a numeric src", { ...validTab, src: 1 }, "src"],
  ])("rejects %s", (_label, tab, key) => {
    expectOnlyFinding(withTab(tab), {
      severity: "error",
      path: `$.ui["dashboard-tab"].${key}`,
      message: "must be a non-empty string",
    });
  });

  // Docker's multi-arch guide writes "root": "ui", and Desktop installs extensions that do.
  it.each([
    ["ui", "/ui"],
    ["./ui", "/ui"],
    ["ui/build", "/ui/build"],
  ])("accepts the relative root %s as Desktop does, from the image root (%s), with a warning", (root, absolute) => {
    expectOnlyFinding(withTab({ ...validTab, root }), {
      severity: "warning",
      path: '$.ui["dashboard-tab"].root',
      message: `as ${absolute}`,
      fix: `Write "${absolute}"`,
    });
  });

  it("rejects an absolute src and suggests the relative one", () => {
    expectOnlyFinding(withTab({ ...validTab, src: "/ui/index.html" }), {
      severity: "error",
      path: '$.ui["dashboard-tab"].src',
      fix: 'Use "ui/index.html".',
    });
  });

  it("rejects a src that leaves root through ..", () => {
    expectOnlyFinding(withTab({ ...validTab, src: "../other/index.html" }), {
      severity: "error",
      message: "climbs out of root",
    });
  });

  it("checks a dashboard-tab backend socket with the same rules as vm.exposes.socket", () => {
    expect(validateMetadata(withTab({ ...validTab, backend: { socket: "backend.sock" } })).findings).toEqual([]);
    expectOnlyFinding(withTab({ ...validTab, backend: { socket: "/tmp/backend.sock" } }), {
      severity: "error",
      path: '$.ui["dashboard-tab"].backend.socket',
    });
  });

  it("warns about unknown dashboard-tab keys", () => {
    expectOnlyFinding(withTab({ ...validTab, icon: "x.svg" }), {
      severity: "warning",
      path: '$.ui["dashboard-tab"].icon',
    });
  });
});
