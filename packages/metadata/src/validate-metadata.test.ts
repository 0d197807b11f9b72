import { describe, expect, expectTypeOf, it } from "vitest";
import { expectOnlyFinding } from "./testing/finding.ts";
import type { ExtensionMetadata } from "./types.ts";
import { validateMetadata } from "./validate-metadata.ts";

// The metadata of a real sample (UI tab plus a backend on a socket); it must pass clean.
const SAMPLE = JSON.parse(
  '{"icon":"docker.svg","vm":{"image":"${DESKTOP_PLUGIN_IMAGE}","exposes":{"socket":"minimal-backend.sock"}},"ui":{"dashboard-tab":{"title":"Minimal backend","root":"/ui","src":"index.html"}}}',
) as unknown;

// The example of the 2021 plugin format, as its documentation (seed 004) gives it.
const LEGACY = {
  name: "volumes-share",
  provider: "Docker Inc.",
  icon: "plugin-icon.svg",
  "desktop-plugin-version": "v1.0.0-beta.1",
  ui: { "dashboard-tab": { title: "MyTitle", root: "/ui", src: "index.html" } },
  vm: { composefile: "docker-compose.yaml" },
  host: { binaries: [{ darwin: [{ path: "/darwin/telepresence" }], windows: [{ path: "/windows/kubectl.exe" }] }] },
};

describe("validateMetadata", () => {
  it("passes the minimal-backend sample clean and returns it typed", () => {
    const result = validateMetadata(SAMPLE);
    expect(result).toEqual({ valid: true, metadata: SAMPLE, findings: [] });
    if (result.valid) expectTypeOf(result.metadata).toEqualTypeOf<ExtensionMetadata>();
  });

  it.each([
    ["an array", []],
    ["null", null],
    ["a string", "ui"],
  ])("rejects a root that is %s", (label, value) => {
    expectOnlyFinding(value, { severity: "error", path: "$", message: `found ${label}` });
  });

  it("reports an unknown root key as a Marketplace rule: Desktop ignores it, docker extension validate refuses it", () => {
    const finding = {
      scope: "marketplace",
      path: "$.extra",
      message:
        'Unknown key "extra" in the root: Docker Desktop ignores it, but docker extension validate and the Marketplace refuse it (allowed: icon, ui, vm, host)',
      fix: 'Remove "extra".',
    };
    const desktop = validateMetadata({ ...(SAMPLE as object), extra: true });
    expect(desktop.valid).toBe(true);
    expect(desktop.findings).toEqual([{ severity: "warning", ...finding }]);
    const listed = validateMetadata({ ...(SAMPLE as object), extra: true }, { marketplace: true });
    expect(listed.valid).toBe(false);
    expect(listed.findings).toEqual([{ severity: "error", ...finding }]);
  });

  it("points misplaced root keys to the image label that carries them", () => {
    expectOnlyFinding(
      { ...(SAMPLE as object), description: "d" },
      { severity: "error", scope: "marketplace", fix: "org.opencontainers.image.description" },
    );
  });

  it("suggests the right spelling for a root key written in the wrong case", () => {
    expectOnlyFinding(
      { vm: { composefile: "compose.yaml" }, UI: { "dashboard-tab": { title: "T", root: "/ui", src: "index.html" } } },
      { severity: "error", scope: "marketplace", path: "$.UI", fix: 'Rename "UI" to "ui"; keys are case-sensitive.' },
    );
  });

  it("does not take inherited Object members for hints", () => {
    expectOnlyFinding(
      { ...(SAMPLE as object), constructor: 1 },
      { severity: "error", scope: "marketplace", fix: /^Remove "constructor"\.$/ },
    );
  });

  it("warns when nothing would be installed", () => {
    expectOnlyFinding({ icon: "docker.svg" }, { severity: "warning", path: "$", message: "installs nothing" });
  });

  it("stays valid with warnings only", () => {
    const result = validateMetadata({ ...(SAMPLE as object), icon: "icon.gif" });
    expect(result.valid).toBe(true);
    expect(result.findings.map((finding) => finding.severity)).toEqual(["warning"]);
  });
});

describe("the format before February 2022 (desktop-plugin-version, name, provider)", () => {
  it("is reported as one Marketplace finding naming the old keys and the modern replacements", () => {
    const finding = expectOnlyFinding(LEGACY, {
      severity: "error",
      scope: "marketplace",
      path: "$",
      message:
        /before February 2022 \(name, provider, desktop-plugin-version\); Docker Desktop ignores these keys, but docker extension validate and the Marketplace refuse them/,
      fix: "icon, ui, vm and host",
    });
    expect(finding.fix).toMatch(/org\.opencontainers\.image\.title/);
  });

  it("is recognised from desktop-plugin-version alone", () => {
    const { name: _name, provider: _provider, ...versionOnly } = LEGACY;
    expectOnlyFinding(versionOnly, {
      severity: "error",
      scope: "marketplace",
      path: "$",
      message: "before February 2022 (desktop-plugin-version)",
    });
  });

  it("still reports real problems in its sections and other unknown keys", () => {
    const broken = { ...LEGACY, vm: { image: "${DESKTOP_PLUGIN_IMAGE}", composefile: "x.yaml" }, extra: 1 };
    expect(validateMetadata(broken).findings.map((finding) => finding.path)).toEqual(["$", "$.extra", "$.vm"]);
  });

  it("is not assumed from a lone name key, which gets a plain unknown-key finding", () => {
    expectOnlyFinding(
      { ...(SAMPLE as object), name: "x" },
      { severity: "error", scope: "marketplace", path: "$.name", fix: "image.title" },
    );
  });

  it("is not assumed from name and provider without desktop-plugin-version: two extra keys, which a published extension shipped and Desktop installed", () => {
    const result = validateMetadata({ ...(SAMPLE as object), name: "x", provider: "y" });
    expect(result.valid).toBe(true);
    expect(result.findings.map(({ severity, scope, path }) => [severity, scope, path])).toEqual([
      ["warning", "marketplace", "$.name"],
      ["warning", "marketplace", "$.provider"],
    ]);
  });
});

describe("icon", () => {
  it.each(["docker.svg", "/assets/icon.PNG", "img/logo.jpeg", "logo.jpg"])("accepts %s", (icon) => {
    expect(validateMetadata({ ...(SAMPLE as object), icon }).findings).toEqual([]);
  });

  it("warns about a file type the Dashboard may not show", () => {
    expectOnlyFinding({ ...(SAMPLE as object), icon: "icon.ico" }, { severity: "warning", path: "$.icon" });
  });

  it("warns that a URL belongs in the icon label, not in metadata", () => {
    expectOnlyFinding(
      { ...(SAMPLE as object), icon: "https://example.com/icon.svg" },
      { severity: "warning", fix: "com.docker.desktop.extension.icon" },
    );
  });

  it("rejects an icon that is not a string", () => {
    expectOnlyFinding({ ...(SAMPLE as object), icon: { path: "docker.svg" } }, { severity: "error", path: "$.icon" });
  });
});

describe("the ExtensionMetadata type", () => {
  it("accepts the sample shape and refuses image and composefile together at compile time", () => {
    const typed: ExtensionMetadata = { vm: { image: "${DESKTOP_PLUGIN_IMAGE}", exposes: { socket: "a.sock" } } };
    // @ts-expect-error image and composefile are exclusive, as validateMetadata enforces at run time
    const both: ExtensionMetadata = { vm: { image: "x", composefile: "y.yaml" } };
    expect(validateMetadata(typed).valid).toBe(true);
    expect(validateMetadata(both).valid).toBe(false);
  });
});
