// The promise of new-extension: the copy of every sample builds, passes its tests, `dext validate`
// and browser flow with no edit (the standalone project its lint and typecheck too). Proven in a throwaway clone of this repository
// (its tracked files, installed from the pnpm store, asking the registry only for what it lacks (a fresh machine has no metadata cache)), so the real workspace is never touched.
// The copies and the standalone project are checked side by side (two concurrent tests: their work
// is child processes, so one Vitest worker waits on both), since each alone leaves a core idle.
import { execFile, execFileSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newExtension } from "./new-extension.ts";
import { newStandaloneExtension } from "./standalone.ts";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../../..");
// The workspace packages are unchanged in the clone, so their builds come from this repository's
// turbo cache (turbo.json builds them before this test); only the copies' own tasks run. That cache
// is TURBO_CACHE_DIR when set, else .turbo/cache of the main worktree: turbo shares one cache
// between a repository's git worktrees.
const turboCache =
  process.env.TURBO_CACHE_DIR ??
  join(
    dirname(
      execFileSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], {
        cwd: repoRoot,
        encoding: "utf8",
      }).trim(),
    ),
    ".turbo",
    "cache",
  );
// Every sample is copied once and checked whole. minimal-backend's copy is the standalone project
// below, made by the same renaming, whose `check` runs more than the copies' tasks (lint and
// typecheck too). An in-workspace copy of it as well cost about 14 s of CPU and proved nothing
// the two copies here (the workspace wiring) and the standalone project (minimal-backend renamed)
// do not; src/new-extension.test.ts checks its in-workspace renaming.
const copies = [
  ["compose-volumes", "volume-viewer"],
  ["host-binaries", "machine-check"],
] as const;
let clone = "";
// Vitest sets NODE_ENV=test in its workers; turbo hashes NODE_ENV (turbo.json's globalEnv), so the
// clone's turbo would miss every build this repository's run cached (and Vite would build the
// copies outside production mode). Its processes get the environment of the run that started Vitest.
if (process.env.NODE_ENV === "test") delete process.env.NODE_ENV;

async function sh(file: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd,
      timeout: timeoutMs,
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        TURBO_TELEMETRY_DISABLED: "1",
        TURBO_CACHE_DIR: turboCache,
        FORCE_COLOR: "0",
        DEXT_KILL9_COUNT: "20",
      },
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    const tail = `${failed.stdout ?? ""}${failed.stderr ?? ""}`.split("\n").slice(-120).join("\n");
    throw new Error(`${file} ${args.join(" ")} failed in ${cwd}:\n${tail}`, { cause: error });
  }
}

/** The standalone project, generated from the clone before either test starts. */
let project = "";

beforeAll(async () => {
  clone = await mkdtemp("/tmp/dext-gen-");
  // Tracked and new (not ignored) files: what a fresh clone of this working tree would hold.
  const listed = await sh("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], repoRoot, 60_000);
  for (const file of listed.split("\0").filter((f) => f !== "")) {
    await mkdir(dirname(join(clone, file)), { recursive: true });
    await copyFile(join(repoRoot, file), join(clone, file)).catch((error: unknown) => {
      // A file deleted in the working tree but not yet committed is simply absent.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    });
  }
  // A git repository, as a fresh clone is. Turbo then hashes the same files here as in this
  // repository (outside git it would hash node_modules/.bin too), so the workspace packages' builds
  // are cache hits instead of tsc and Vite runs.
  await sh("git", ["init", "-q"], clone, 60_000);
  await sh("git", ["add", "-A"], clone, 60_000);
  const identity = ["-c", "user.name=dext", "-c", "user.email=dext@localhost", "-c", "commit.gpgsign=false"];
  await sh("git", [...identity, "commit", "-q", "--no-verify", "-m", "clone"], clone, 60_000);
  for (const [from, name] of copies) await newExtension({ repoRoot: clone, name, from, install: false });
  // CI=1 makes pnpm default to a frozen lockfile; the new packages are not in it yet.
  // Only what the copies' tasks and the standalone project's packing use: the root (turbo) and the
  // copies with the workspace packages they depend on, not the other tooling and samples.
  const filters = [".", ...copies.map(([, name]) => `${name}...`)].map((filter) => `--filter=${filter}`);
  await sh("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile", ...filters], clone, 10 * 60_000);
  // Generated here, not in its test: it runs turbo in the clone (the packages' builds, from the
  // cache) and packs their dist folders, which must be done before the copies' turbo run starts
  // writing those same dist folders. From then on the two tests share nothing but the CPU.
  project = join(await mkdtemp("/tmp/dext-standalone-"), "team-greeter");
  process.env.TURBO_CACHE_DIR = turboCache;
  await newStandaloneExtension({
    repoRoot: clone,
    name: "team-greeter",
    from: "minimal-backend",
    target: project,
    install: false,
  });
}, 15 * 60_000);

afterAll(async () => {
  if (clone !== "") await rm(clone, { recursive: true, force: true });
  if (project !== "") await rm(dirname(project), { recursive: true, force: true });
});

describe.concurrent("extensions made with new-extension", () => {
  it("build, pass their tests, `dext validate` and their browser flow with no edit", async () => {
    const filters = copies.map(([, name]) => `--filter=${name}`);
    const output = await sh(
      "pnpm",
      ["exec", "turbo", "run", "build", "test", "validate", "test:e2e", ...filters, "--concurrency=2"],
      clone,
      20 * 60_000,
    );
    const summary = /Tasks:\s+(\d+) successful, (\d+) total/.exec(output);
    expect(summary, output.slice(-2000)).not.toBeNull();
    expect(summary?.[1]).toBe(summary?.[2]);
    // Each copy's own tasks ran and passed, its browser test among them.
    for (const [, name] of copies) {
      for (const task of ["build", "test", "validate", "test:e2e"]) {
        expect(output, `${name}#${task}`).toMatch(new RegExp(`^${name}:${task}: `, "m"));
      }
    }
  });
});

describe.concurrent("a standalone extension made with new-extension --standalone", () => {
  it("installs outside the repository and passes its own lint, typecheck, build, tests, browser tests and validate", async () => {
    // Nothing in it points back into a workspace.
    const manifest = await readFile(join(project, "package.json"), "utf8");
    expect(manifest).not.toMatch(/workspace:|catalog:/);
    // Its image builds from its own folder: no pruned workspace, the vendored packs kept for the install.
    const makefile = await readFile(join(project, "Makefile"), "utf8");
    const dockerfile = await readFile(join(project, "Dockerfile"), "utf8");
    expect(makefile).not.toMatch(/tooling\/|\.docker-context/);
    expect(makefile).toMatch(/^CONTEXT := \.$/m);
    expect(dockerfile).not.toMatch(/samples\/|prune-context|\.docker-context/);
    expect(dockerfile).toContain("! -path './vendor/*'");
    await sh("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], project, 10 * 60_000);
    const output = await sh("pnpm", ["run", "check"], project, 15 * 60_000);
    expect(output).toMatch(/^\.: valid for Docker Desktop(?: and the Marketplace)?, no findings/m);
  });
});
