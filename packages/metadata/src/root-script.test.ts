import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

// `pnpm dext <command>` as a user types it: the root package.json's script, through pnpm and node,
// from the sources (no dist/ needed), with paths relative to the folder pnpm was run in.
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const fixture = fileURLToPath(new URL("../fixtures/extensions/image-backend", import.meta.url));
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "dext-root-script-"));
  await cp(fixture, join(work, "extensions", "good"), { recursive: true });
  await cp(fixture, join(work, "extensions", "bad"), { recursive: true });
  const tab = { title: "T", root: "/ui", src: "/index.html" };
  await writeFile(join(work, "extensions", "bad", "metadata.json"), JSON.stringify({ ui: { "dashboard-tab": tab } }));
  await mkdir(join(work, "elsewhere"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** `pnpm --dir <repo> -s dext ...args` run in `cwd`, outside the repository, as a real process. */
function pnpmDext(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.INIT_CWD; // set by the pnpm running this test; the pnpm below must set its own
  const { status, stdout, stderr } = spawnSync("pnpm", ["--dir", repoRoot, "-s", "dext", ...args], {
    cwd,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status, stdout, stderr };
}

it("validates a folder given relative to where the command was run, not to the repository root", () => {
  const good = pnpmDext(work, "validate", "extensions/good");
  expect(good.stderr).toBe("");
  expect(good.stdout).toBe(
    "extensions/good: valid for Docker Desktop, no findings (metadata.json, Dockerfile with context extensions/good)\n",
  );
  expect(good.status).toBe(0);

  const bad = pnpmDext(join(work, "elsewhere"), "validate", "../extensions/bad");
  expect(bad.stdout).toContain('error [desktop] $.ui["dashboard-tab"].src: ');
  expect(bad.stdout).toContain("../extensions/bad: invalid");
  expect(bad.status).toBe(1);
});

it("defaults to the caller's folder and passes options through (--json: one document on stdout)", () => {
  const here = pnpmDext(join(work, "extensions", "good"), "validate", "--json");
  expect(here.status).toBe(0);
  expect(JSON.parse(here.stdout)).toMatchObject({ file: "metadata.json", valid: true, errors: 0 });
});

it("runs the other commands and exits 2 on a missing folder", () => {
  const labels = pnpmDext(work, "labels", "extensions/good");
  expect(labels.status).toBe(0);
  expect(labels.stdout).toMatch(/^LABEL /m);

  expect(pnpmDext(work, "validate", "missing").status).toBe(2);
  expect(pnpmDext(work, "help").stdout).toContain("Usage: dext <command>");
});
