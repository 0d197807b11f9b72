import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateExtensionDir } from "./validate-extension-dir.ts";

let dir: string;
let ext: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-compose-src-"));
  ext = join(dir, "ext");
  await mkdir(ext);
  await writeFile(join(dir, "secret.yaml"), "services:\n  x:\n    image: secret\n");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function composeFinding(
  composefile: string,
): Promise<{ path: string; message: string; severity: string } | undefined> {
  await writeFile(join(ext, "metadata.json"), JSON.stringify({ vm: { composefile } }));
  const report = await validateExtensionDir(ext);
  expect(report.composePath).toBeUndefined();
  return report.findings.find((finding) => finding.path === "$.vm.composefile");
}

function expectRefused(finding: { message: string; severity: string } | undefined, message: RegExp): void {
  expect(finding?.severity).toBe("error");
  expect(finding?.message).toMatch(message);
}

describe("vm.composefile stays inside the extension folder", () => {
  it.each(["../secret.yaml", "/etc/hostname", "sub/../../secret.yaml"])(
    "refuses %s with an error at $.vm.composefile, reading nothing",
    async (name) => {
      expectRefused(await composeFinding(name), /leaves the extension folder/);
    },
  );

  it("refuses a symlink that leads out of the folder", async () => {
    await symlink(join(dir, "secret.yaml"), join(ext, "docker-compose.yaml"));
    expectRefused(await composeFinding("docker-compose.yaml"), /is a link to .*secret\.yaml, outside/);
  });

  it("refuses a symlink loop and a FIFO, each as a located error", async () => {
    await symlink(join(ext, "b.yaml"), join(ext, "a.yaml"));
    await symlink(join(ext, "a.yaml"), join(ext, "b.yaml"));
    expectRefused(await composeFinding("a.yaml"), /symbolic link loop/);
    const { execFileSync } = await import("node:child_process");
    execFileSync("mkfifo", [join(ext, "fifo.yaml")]);
    expectRefused(await composeFinding("fifo.yaml"), /FIFO/);
  });

  it("reads a symlink that stays inside the folder", async () => {
    await mkdir(join(ext, "compose"));
    await writeFile(join(ext, "compose", "real.yaml"), "services:\n  api:\n    image: ${DESKTOP_PLUGIN_IMAGE}\n");
    await symlink(join(ext, "compose", "real.yaml"), join(ext, "docker-compose.yaml"));
    await writeFile(join(ext, "metadata.json"), JSON.stringify({ vm: { composefile: "docker-compose.yaml" } }));
    expect((await validateExtensionDir(ext)).composePath).toBe(join(ext, "docker-compose.yaml"));
  });
});
