import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const bin = join(packageDir, "bin", "dext.js");
let dir: string;

beforeAll(async () => {
  // bin/dext.js runs the built dist/; build only when missing so the normal test run stays fast.
  if (!existsSync(join(packageDir, "dist", "cli.js"))) {
    execFileSync("pnpm", ["exec", "tsc", "-p", "tsconfig.build.json"], { cwd: packageDir, stdio: "pipe" });
  }
  dir = await mkdtemp(join(tmpdir(), "dext-bin-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function dext(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { status, stdout, stderr };
}

it("runs as a real process: exit 0 for a valid folder, 1 for errors, 2 for a missing folder", async () => {
  const file = join(dir, "metadata.json");
  await cp(join(packageDir, "fixtures", "extensions", "image-backend"), dir, { recursive: true });
  expect(dext("validate", dir)).toEqual({
    status: 0,
    stdout: `${dir}: valid for Docker Desktop, no findings (metadata.json, Dockerfile with context ${dir})\n`,
    stderr: "",
  });

  const tab = { title: "T", root: "/ui", src: "index.html" };
  await writeFile(file, JSON.stringify({ ui: { "dashboard-tab": { ...tab, src: "/index.html" } } }));
  const invalid = dext("validate", dir);
  expect(invalid.status).toBe(1);
  expect(invalid.stdout).toContain('error [desktop] $.ui["dashboard-tab"].src: ');

  expect(dext("validate", join(dir, "missing")).status).toBe(2);
});
